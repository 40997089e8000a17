package org.skyfleet.bench;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.proto.v1.VehicleState;

/**
 * A gRPC subscriber on its own connection that parses every state it gets and records, for each
 * position newer than the last it saw of that vehicle, the time since the generator sent it.
 */
final class LatencySubscriber implements ClientResponseObserver<StreamVehicleStatesRequest, StreamVehicleStatesResponse>,
        AutoCloseable {
    private final ManagedChannel channel;
    private final Map<String, Integer> indexOf;
    private final PositionLoadGenerator generator;
    private final Recorder latencyMicros;
    private final int[] lastCounter;
    final AtomicLong received = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    private volatile ClientCallStreamObserver<StreamVehicleStatesRequest> call;

    LatencySubscriber(int grpcPort, Map<String, Integer> indexOf, PositionLoadGenerator generator, Recorder latencyMicros) {
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().directExecutor().build();
        this.indexOf = indexOf;
        this.generator = generator;
        this.latencyMicros = latencyMicros;
        this.lastCounter = new int[indexOf.size()];
        TelemetryServiceGrpc.newStub(channel).streamVehicleStates(StreamVehicleStatesRequest.getDefaultInstance(), this);
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<StreamVehicleStatesRequest> requestStream) {
        this.call = requestStream;
    }

    @Override
    public void onNext(StreamVehicleStatesResponse r) {
        long now = System.nanoTime();
        received.addAndGet(r.getStatesCount());
        skipped.addAndGet(r.getSkippedUpdates());
        for (VehicleState s : r.getStatesList()) {
            record(s, now);
        }
    }

    private void record(VehicleState s, long now) {
        if (!s.hasPosition()) {
            return;
        }
        Integer index = indexOf.get(s.getVehicleId());
        if (index == null) {
            return;
        }
        int counter = (int) Math.round(s.getPosition().getPosition().getAltRelM() * 1000);
        if (counter <= lastCounter[index]) {
            return;  // a heartbeat or other part changed; this position was measured already
        }
        lastCounter[index] = counter;
        long sent = generator.sentAtNanos(index, counter);
        if (sent > 0 && now > sent) {
            latencyMicros.recordValue(Math.min((now - sent) / 1000, 60_000_000));
        }
    }

    @Override
    public void onError(Throwable t) {
        // the run is over or the server went away; counts so far stand
    }

    @Override
    public void onCompleted() {
    }

    @Override
    public void close() {
        if (call != null) {
            call.cancel("bench done", null);
        }
        channel.shutdownNow();
    }
}
