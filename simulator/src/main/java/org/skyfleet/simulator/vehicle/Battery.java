package org.skyfleet.simulator.vehicle;

/**
 * A 4S LiPo pack as percent remaining. A multicopter drains at its hover rate, more with airspeed
 * (flying fast or holding against wind) and climbing; a rover drains with speed. Nothing drains while
 * disarmed.
 */
public final class Battery {
    private final double hoverPercentPerS;
    private double percent;

    public Battery(double enduranceS, double startPercent) {
        if (!(enduranceS > 0) || !(startPercent >= 0 && startPercent <= 100)) {
            throw new IllegalArgumentException("endurance must be > 0 s and start percent 0..100");
        }
        this.hoverPercentPerS = 100.0 / enduranceS;
        this.percent = startPercent;
    }

    /**
     * Drains for {@code dtS} seconds of a multicopter at {@code airspeedMps} climbing at {@code climbMps},
     * or of a rover at {@code airspeedMps} ground speed with {@code cruiseMps} as its reference.
     */
    public void drain(SimVehicleKind kind, boolean armed, boolean airborne, double airspeedMps, double climbMps,
                      double cruiseMps, double dtS) {
        if (!armed) {
            return;
        }
        double factor;
        if (kind == SimVehicleKind.MULTICOPTER) {
            // Induced + parasitic power: hover is the baseline, drag grows with the square of airspeed.
            factor = airborne ? 1 + 0.0025 * airspeedMps * airspeedMps + 0.08 * Math.max(0, climbMps) : 0.15;
        } else {
            factor = 0.3 + 0.7 * Math.min(2, airspeedMps / cruiseMps);
        }
        percent = Math.max(0, percent - hoverPercentPerS * factor * dtS);
    }

    public double percent() {
        return percent;
    }

    /** Pack voltage, 14.0 V empty to 16.8 V full. */
    public int voltageMv() {
        return (int) Math.round(1000 * (14.0 + 2.8 * percent / 100.0));
    }

    /** Current drawn, centiamps, as SYS_STATUS reports it. */
    public int currentCa(boolean armed) {
        return armed ? 2200 : 80;
    }
}
