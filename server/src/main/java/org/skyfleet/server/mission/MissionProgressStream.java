package org.skyfleet.server.mission;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.proto.v1.MissionProgress;
import org.skyfleet.server.grpc.StatusMapping;

/**
 * StreamMissionProgress: sends progress on every change of the mission and once a second while it flies
 * (time and distance left move between the vehicle's reports); ends when the mission is over.
 */
final class MissionProgressStream implements AutoCloseable {
    private final MissionControl control;
    private final VehicleRegistry vehicles;
    private final InstantSource clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skyfleet-mission-progress");
        t.setDaemon(true);
        return t;
    });

    MissionProgressStream(MissionControl control, VehicleRegistry vehicles, InstantSource clock) {
        this.control = control;
        this.vehicles = vehicles;
        this.clock = clock;
    }

    void open(String missionId, StreamObserver<MissionProgress> observer) {
        Mission first;
        try {
            first = control.find(missionId);
        } catch (RuntimeException e) {
            StatusMapping.refuse(observer, e);
            return;
        }
        var call = (ServerCallStreamObserver<MissionProgress>) observer;
        MissionProgressEstimator estimator = new MissionProgressEstimator();
        String id = first.missionId();
        Runnable push = () -> {
            synchronized (call) {
                if (call.isCancelled()) {
                    return;
                }
                Mission m = control.find(id);
                call.onNext(estimator.estimate(m, vehicles.find(m.vehicleId()).orElse(null), clock.instant()));
                if (m.state().isFinal()) {
                    call.onCompleted();
                }
            }
        };
        AutoCloseable subscription = control.book().subscribe(m -> {
            if (m.missionId().equals(id)) {
                push.run();
            }
        });
        var tick = ticker.scheduleAtFixedRate(push, 1, 1, TimeUnit.SECONDS);
        call.setOnCancelHandler(() -> {
            tick.cancel(false);
            try {
                subscription.close();
            } catch (Exception ignored) {
                // removing a listener does not fail
            }
        });
        push.run();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
