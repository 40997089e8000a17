package org.skyfleet.mavsdk;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;
import org.skyfleet.proto.v1.VehicleState;

/**
 * One vehicle's live state from SkyFleet's StreamVehicleStates, shared by every MAVSDK subscription of its
 * endpoint: one upstream stream per vehicle however many clients subscribe. Resubscribes after an error.
 */
final class VehicleStateFeed implements AutoCloseable {
    private static final double MAX_RATE_HZ = 10;

    private final SkyfleetConnection skyfleet;
    private final String token;
    private final String vehicleId;
    private final List<Consumer<VehicleState>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mavsdk-feed-retry");
        t.setDaemon(true);
        return t;
    });
    private volatile VehicleState latest;
    private volatile Context.CancellableContext upstream;
    private volatile boolean closed;

    VehicleStateFeed(SkyfleetConnection skyfleet, String token, String vehicleId) {
        this.skyfleet = skyfleet;
        this.token = token;
        this.vehicleId = vehicleId;
        subscribe();
    }

    String vehicleId() {
        return vehicleId;
    }

    /** The last state heard, or null before the first. */
    VehicleState latest() {
        return latest;
    }

    /** Calls {@code listener} with the latest state now (if any) and with every later one, until removed. */
    Runnable listen(Consumer<VehicleState> listener) {
        listeners.add(listener);
        VehicleState now = latest;
        if (now != null) {
            listener.accept(now);
        }
        return () -> listeners.remove(listener);
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        Context.CancellableContext context = Context.current().withCancellation();
        upstream = context;
        context.run(() -> skyfleet.telemetry(token).streamVehicleStates(StreamVehicleStatesRequest.newBuilder()
                .addVehicleIds(vehicleId).setMaxRateHz(MAX_RATE_HZ).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(StreamVehicleStatesResponse batch) {
                        for (VehicleState state : batch.getStatesList()) {
                            latest = state;
                            for (Consumer<VehicleState> l : listeners) {
                                l.accept(state);
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        if (!closed) {
                            retry.schedule(VehicleStateFeed.this::subscribe, 1, TimeUnit.SECONDS);
                        }
                    }

                    @Override
                    public void onCompleted() {
                        onError(null);
                    }
                }));
    }

    @Override
    public void close() {
        closed = true;
        Context.CancellableContext c = upstream;
        if (c != null) {
            c.cancel(null);
        }
        retry.shutdownNow();
    }
}
