package org.skyfleet.simulator.scenario;

import org.skyfleet.simulator.sensor.CameraPreset;

/**
 * A vehicle's camera: THERMAL or VISUAL, and false detections per minute of looking. On a drone it looks down
 * ({@link org.skyfleet.simulator.sensor.NadirDetector}), on a ground robot ahead
 * ({@link org.skyfleet.simulator.sensor.ForwardDetector}).
 */
public record CameraSpec(CameraPreset preset, double falsePositivesPerMin) {
    public CameraSpec {
        preset = preset == null ? CameraPreset.THERMAL : preset;
        if (!(falsePositivesPerMin >= 0)) {
            throw new IllegalArgumentException("falsePositivesPerMin must be >= 0");
        }
    }
}
