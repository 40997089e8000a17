package org.skyfleet.bench;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.ListVehiclesRequest;

/**
 * The attacker of {@link HostileBench}, in a process of its own as a real one would be: {@code calls}
 * ListVehicles calls without a token from {@code concurrency} threads over 8 connections. Prints
 * {@code flooding} once connected and {@code refused N} at the end.
 */
public final class AnonymousFlood {
    private AnonymousFlood() {
    }

    /** Args: gRPC port, calls, concurrency. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        List<ManagedChannel> channels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ManagedChannel c = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
            try {
                FleetServiceGrpc.newBlockingStub(c).listVehicles(ListVehiclesRequest.getDefaultInstance());
            } catch (StatusRuntimeException expected) {
                // refused: the connection is up
            }
            channels.add(c);
        }
        System.out.println("flooding");
        System.out.flush();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService attack = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            var stub = FleetServiceGrpc.newBlockingStub(channels.get(i % channels.size()));
            sent.add(attack.submit(() -> {
                try {
                    stub.listVehicles(ListVehiclesRequest.getDefaultInstance());
                } catch (StatusRuntimeException e) {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        attack.shutdownNow();
        channels.forEach(ManagedChannel::shutdownNow);
        System.out.println("refused " + refused.get());
    }
}
