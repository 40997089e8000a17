package org.skyfleet.simulator.sensor;

import java.util.List;
import java.util.Random;
import org.skyfleet.simulator.clock.SimClock;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.world.people.Target;

/**
 * A drone's nadir camera and its detector, looking once a second while the drone is airborne; what one look
 * sees is {@link NadirDetector}'s. Each detection is sent to the sink as a sighting report, its position
 * turned into WGS84 with the drone's frame.
 */
public final class Camera {
    private final SimVehicle drone;
    private final CameraPreset preset;
    private final NadirDetector detector;
    private long nextLookMs;
    private long reports;

    public Camera(SimVehicle drone, CameraPreset preset, double falsePositivesPerMin, long seed) {
        this.drone = drone;
        this.preset = preset;
        this.detector = new NadirDetector(preset, falsePositivesPerMin, new Random(seed));
    }

    /** Looks if a look is due, reporting what it sees to {@code sink}. */
    public void look(SimClock clock, List<Target> targets, double canopyCover, boolean night, DetectionSink sink) {
        if (clock.nowMs() < nextLookMs) {
            return;
        }
        nextLookMs = clock.nowMs() + NadirDetector.LOOK_INTERVAL_MS;
        if (!drone.airborne()) {
            return;
        }
        for (NadirDetector.Detection d : detector.look(drone.eastM(), drone.northM(), drone.altitudeRelM(), drone.headingDeg(),
                targets, canopyCover, night)) {
            reports++;
            sink.report(new SightingReport(drone.name() + "-" + reports, drone.name(), clock.epochMs(),
                    drone.frame().latDeg(d.northM()), drone.frame().lonDeg(d.eastM()), d.sigmaM(), d.confidence(),
                    preset.name(), d.rangeM(), d.truthId()));
        }
    }

    public CameraPreset preset() {
        return preset;
    }

    public SimVehicle drone() {
        return drone;
    }
}
