package org.skyfleet.simulator.wire;

import io.dronefleet.mavlink.ardupilotmega.Wind;
import io.dronefleet.mavlink.common.WindCov;
import java.math.BigInteger;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;

/**
 * The autopilot's wind estimate and its report once a second: PX4 sends WIND_COV (#231, the air's velocity north and
 * east), ArduPilot WIND (#168, where it comes from and its speed). The estimate is the true wind at the vehicle
 * smoothed over about {@value #TIME_CONSTANT_S} s, as an estimator would not follow every gust. Simulation thread.
 */
final class WindEstimate {
    static final double TIME_CONSTANT_S = 5;
    static final long REPORT_EVERY_MS = 1_000;

    private double northMps = Double.NaN;
    private double eastMps = Double.NaN;
    private long lastReportMs = Long.MIN_VALUE;

    /** Feeds the true wind of this step (the velocity of the air), m/s. */
    void step(double windEastMps, double windNorthMps, double dtS) {
        if (Double.isNaN(northMps)) {
            northMps = windNorthMps;
            eastMps = windEastMps;
            return;
        }
        double a = Math.min(1, dtS / TIME_CONSTANT_S);
        northMps += a * (windNorthMps - northMps);
        eastMps += a * (windEastMps - eastMps);
    }

    /** The report due at {@code nowMs}, or null when one went out less than a second ago or nothing is estimated yet. */
    Object due(long nowMs, long timeBootMs, AutopilotFlavour flavour, double altRelM) {
        if (Double.isNaN(northMps) || (lastReportMs != Long.MIN_VALUE && nowMs - lastReportMs < REPORT_EVERY_MS)) {
            return null;
        }
        lastReportMs = nowMs;
        if (flavour == AutopilotFlavour.PX4) {
            return WindCov.builder().timeUsec(BigInteger.valueOf(timeBootMs * 1000)).windX((float) northMps).windY((float) eastMps)
                    .windZ(0).varHoriz(0.1f).varVert(0.1f).windAlt((float) altRelM).horizAccuracy(0.5f).vertAccuracy(0.5f).build();
        }
        double speed = Math.hypot(northMps, eastMps);
        double from = speed == 0 ? 0 : Math.toDegrees(Math.atan2(-eastMps, -northMps));
        return Wind.builder().direction((float) ((from + 360) % 360)).speed((float) speed).speedZ(0).build();
    }
}
