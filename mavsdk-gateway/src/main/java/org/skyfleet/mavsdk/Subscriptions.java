package org.skyfleet.mavsdk;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.function.Function;
import org.skyfleet.proto.v1.VehicleState;

/**
 * A MAVSDK subscription fed from a vehicle's state: sends the mapped value when it changes. A client that cannot
 * keep up is not queued for: a value computed while its stream is not ready is dropped and the next change sent.
 */
final class Subscriptions {
    private Subscriptions() {
    }

    /** @param map the MAVSDK response for a state, or null when the state does not carry it yet */
    static <R> void forward(VehicleStateFeed feed, StreamObserver<R> out, Function<VehicleState, R> map) {
        ServerCallStreamObserver<R> call = (ServerCallStreamObserver<R>) out;
        Object[] last = {null};
        Runnable[] stop = {null};
        call.setOnCancelHandler(() -> {
            if (stop[0] != null) {
                stop[0].run();
            }
        });
        stop[0] = feed.listen(state -> {
            R value = map.apply(state);
            synchronized (last) {
                if (value == null || Objects.equals(value, last[0]) || call.isCancelled() || !call.isReady()) {
                    return;
                }
                last[0] = value;
                call.onNext(value);
            }
        });
        if (call.isCancelled()) {
            stop[0].run();
        }
    }
}
