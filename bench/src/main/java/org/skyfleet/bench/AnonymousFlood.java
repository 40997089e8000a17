package org.skyfleet.bench;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.ListVehiclesRequest;

/**
 * The attacker of {@link HostileBench}, in a process of its own as a real one would be, calling from an address
 * of its own (another loopback address): ListVehicles without a token from {@code concurrency} threads over 8
 * connections, at a set rate (at most {@code concurrency} in flight), until its standard input closes. The worst case for the server: a connection
 * that fails is replaced at once by a new one, ignoring the back-off a standard gRPC client would keep. Prints
 * {@code flooding} once connected, {@code attempted N} five times a second, and at the end
 * {@code attempts A unauthenticated U unavailable V reconnects R}.
 */
public final class AnonymousFlood {
    private static final int CONNECTIONS = 8;

    private AnonymousFlood() {
    }

    /** Args: gRPC port, concurrency, the local address to call from, attempts per second over all threads. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        String from = args[2];
        long intervalNanos = (long) (1e9 / Double.parseDouble(args[3]));
        java.util.concurrent.atomic.AtomicLong nextSlot = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        AtomicReferenceArray<ManagedChannel> channels = new AtomicReferenceArray<>(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++) {
            channels.set(i, connect(port, from));
        }
        LongAdder attempts = new LongAdder();
        LongAdder unauthenticated = new LongAdder();
        LongAdder unavailable = new LongAdder();
        LongAdder reconnects = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService attack = Executors.newFixedThreadPool(concurrency);
        System.out.println("flooding");
        System.out.flush();
        for (int t = 0; t < concurrency; t++) {
            int slot = t % CONNECTIONS;
            attack.submit(() -> {
                while (running.get()) {
                    // paced: the same flood whatever the machine, and the attacker's own CPU bounded
                    long wait = nextSlot.getAndAdd(intervalNanos) - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    ManagedChannel channel = channels.get(slot);
                    attempts.increment();
                    try {
                        FleetServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                                .listVehicles(ListVehiclesRequest.getDefaultInstance());
                    } catch (StatusRuntimeException e) {
                        if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
                            unauthenticated.increment();
                        } else {
                            unavailable.increment();
                            ManagedChannel fresh = connect(port, from);
                            if (channels.compareAndSet(slot, channel, fresh)) {
                                reconnects.increment();
                                channel.shutdownNow();
                            } else {
                                fresh.shutdownNow();
                            }
                        }
                    }
                }
            });
        }
        Thread progress = new Thread(() -> {
            while (running.get()) {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000);
                System.out.println("attempted " + attempts.sum());
                System.out.flush();
            }
        });
        progress.setDaemon(true);
        progress.start();
        waitForEndOfInput();
        running.set(false);
        attack.shutdown();
        attack.awaitTermination(10, TimeUnit.SECONDS);
        for (int i = 0; i < CONNECTIONS; i++) {
            channels.get(i).shutdownNow();
        }
        System.out.printf("attempts %d unauthenticated %d unavailable %d reconnects %d%n", attempts.sum(), unauthenticated.sum(),
                unavailable.sum(), reconnects.sum());
        System.out.flush();
        System.exit(0);
    }

    private static ManagedChannel connect(int port, String from) {
        return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .localSocketPicker(new NettyChannelBuilder.LocalSocketPicker() {
                    @Override
                    public SocketAddress createSocketAddress(SocketAddress remote, io.grpc.Attributes attrs) {
                        return new InetSocketAddress(from, 0);
                    }
                }).build();
    }

    private static void waitForEndOfInput() throws IOException {
        while (System.in.read() >= 0) {
            // the bench closes our input when its pilot is done
        }
    }
}
