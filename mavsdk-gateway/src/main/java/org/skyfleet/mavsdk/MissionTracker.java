package org.skyfleet.mavsdk;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.skyfleet.proto.v1.MissionProgress;
import org.skyfleet.proto.v1.StreamMissionProgressRequest;

/**
 * The SkyFleet mission a vehicle's endpoint last uploaded (what MAVSDK calls the vehicle's mission), and progress
 * subscriptions that follow it: a subscriber attached before an upload gets the new mission's progress.
 */
final class MissionTracker {
    private final SkyfleetConnection skyfleet;
    private final AtomicReference<String> missionId = new AtomicReference<>();
    private final List<Consumer<MissionProgress>> listeners = new CopyOnWriteArrayList<>();
    private volatile Context.CancellableContext upstream;
    private volatile String token;

    MissionTracker(SkyfleetConnection skyfleet) {
        this.skyfleet = skyfleet;
    }

    String current() {
        return missionId.get();
    }

    /** @param callerToken whose rights the progress stream is read with */
    void uploaded(String id, String callerToken) {
        missionId.set(id);
        token = callerToken;
        follow(id);
    }

    void cleared() {
        missionId.set(null);
        Context.CancellableContext c = upstream;
        if (c != null) {
            c.cancel(null);
        }
    }

    Runnable listen(Consumer<MissionProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private synchronized void follow(String id) {
        Context.CancellableContext old = upstream;
        if (old != null) {
            old.cancel(null);
        }
        Context.CancellableContext context = Context.current().fork().withCancellation();
        upstream = context;
        context.run(() -> skyfleet.missionStreams(token).streamMissionProgress(
                StreamMissionProgressRequest.newBuilder().setMissionId(id).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(MissionProgress p) {
                        for (Consumer<MissionProgress> l : listeners) {
                            l.accept(p);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                }));
    }
}
