package org.skyfleet.simulator.scenario;

import java.util.Objects;

/**
 * A fault that strikes a vehicle at {@code atS} simulated seconds for {@code durationS} (0: to the end).
 *
 * @param type       PACKET_LOSS (both directions, {@code lossRate}), LATENCY ({@code latencyMs} each way),
 *                   LINK_DOWN, REBOOT (the autopilot restarts and is silent for {@code durationS}, default 3 s),
 *                   GPS_LOSS (no fix)
 */
public record FaultSpec(String vehicle, Type type, double atS, double durationS, Double lossRate, Long latencyMs) {

    /** The kinds of fault. */
    public enum Type { PACKET_LOSS, LATENCY, LINK_DOWN, REBOOT, GPS_LOSS }

    public FaultSpec {
        Objects.requireNonNull(vehicle, "fault vehicle");
        Objects.requireNonNull(type, "fault type");
        if (!(atS >= 0 && durationS >= 0)) {
            throw new IllegalArgumentException("fault times must be >= 0 s");
        }
        if (type == Type.PACKET_LOSS && (lossRate == null || !(lossRate >= 0 && lossRate <= 1))) {
            throw new IllegalArgumentException("PACKET_LOSS needs lossRate 0..1");
        }
        if (type == Type.LATENCY && (latencyMs == null || latencyMs < 0)) {
            throw new IllegalArgumentException("LATENCY needs latencyMs >= 0");
        }
    }

    public long startMs() {
        return Math.round(atS * 1000);
    }

    /** End of the fault, or Long.MAX_VALUE for one that lasts to the end. */
    public long endMs() {
        if (type == Type.REBOOT) {
            return startMs() + Math.round((durationS > 0 ? durationS : 3) * 1000);
        }
        return durationS > 0 ? startMs() + Math.round(durationS * 1000) : Long.MAX_VALUE;
    }
}
