package org.skyfleet.simulator.scenario;

import org.skyfleet.simulator.sensor.CameraPreset;

/** A drone's camera: THERMAL or VISUAL, and false detections per minute of looking. */
public record CameraSpec(CameraPreset preset, double falsePositivesPerMin) {
    public CameraSpec {
        preset = preset == null ? CameraPreset.THERMAL : preset;
        if (!(falsePositivesPerMin >= 0)) {
            throw new IllegalArgumentException("falsePositivesPerMin must be >= 0");
        }
    }
}
