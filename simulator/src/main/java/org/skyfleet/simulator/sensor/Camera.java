package org.skyfleet.simulator.sensor;

import java.util.List;
import java.util.Random;
import org.skyfleet.simulator.clock.SimClock;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.vehicle.SimVehicleKind;
import org.skyfleet.simulator.world.people.Target;

/**
 * A vehicle's camera and its detector, looking once a second. A drone's looks down and looks while airborne
 * ({@link NadirDetector}); a ground robot's looks ahead, level, whenever it is switched on, parked at its kiosk or
 * driving ({@link ForwardDetector}). Each detection is sent to the sink as a sighting report, its position turned
 * into WGS84 with the vehicle's frame, marked as a ground robot's when it is one.
 */
public final class Camera {
    private final SimVehicle drone;
    private final CameraPreset preset;
    private final NadirDetector detector;
    private final ForwardDetector forward;
    private long nextLookMs;
    private long reports;

    public Camera(SimVehicle drone, CameraPreset preset, double falsePositivesPerMin, long seed) {
        this.drone = drone;
        this.preset = preset;
        this.detector = new NadirDetector(preset, falsePositivesPerMin, new Random(seed));
        this.forward = new ForwardDetector(preset, falsePositivesPerMin, new Random(seed));
    }

    /** Looks if a look is due, reporting what it sees to {@code sink}. */
    public void look(SimClock clock, List<Target> targets, double canopyCover, boolean night, DetectionSink sink) {
        if (clock.nowMs() < nextLookMs) {
            return;
        }
        nextLookMs = clock.nowMs() + NadirDetector.LOOK_INTERVAL_MS;
        boolean ground = drone.kind() == SimVehicleKind.GROUND_ROVER;
        if (!ground && !drone.airborne()) {
            return;
        }
        List<NadirDetector.Detection> seen = ground
                ? forward.look(drone.eastM(), drone.northM(), drone.headingDeg(), targets, canopyCover, night)
                : detector.look(drone.eastM(), drone.northM(), drone.altitudeRelM(), drone.headingDeg(), targets, canopyCover, night);
        for (NadirDetector.Detection d : seen) {
            reports++;
            sink.report(new SightingReport(drone.name() + "-" + reports, drone.name(), clock.epochMs(),
                    drone.frame().latDeg(d.northM()), drone.frame().lonDeg(d.eastM()), d.sigmaM(), d.confidence(),
                    preset.name(), d.rangeM(), d.truthId(), ground));
        }
    }

    public CameraPreset preset() {
        return preset;
    }

    public SimVehicle drone() {
        return drone;
    }
}
