package org.skyfleet.server.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import org.skyfleet.telemetry.fanout.UpdateSink;

/** A gRPC server stream as a fan-out sink: ready when gRPC's flow-control window has room. */
final class StreamSink implements UpdateSink<byte[]> {
    private final ServerCallStreamObserver<byte[]> call;

    StreamSink(ServerCallStreamObserver<byte[]> call) {
        this.call = call;
    }

    @Override
    public boolean isReady() {
        return call.isReady() && !call.isCancelled();
    }

    @Override
    public void send(List<byte[]> items, long skipped) {
        call.onNext(PreSerialized.batch(items, skipped));
    }
}
