package org.skyfleet.simulator.vehicle;

/**
 * A 4S LiPo pack as percent remaining. A multicopter drains at its hover rate, more with airspeed
 * (flying fast or holding against wind) and climbing; a rover drains with speed. Nothing drains while
 * disarmed.
 */
public final class Battery {
    /** PX4 filters the current it estimates time_remaining from; about 30 s of smoothing here. */
    private static final double RATE_SMOOTHING_S = 30;

    private final double hoverPercentPerS;
    private double percent;
    /** The drain rate, smoothed, percent per second; 0 until the pack has been drained while armed. */
    private double smoothedPercentPerS;
    /** Which pack is in: 1 for the pack it started with, one more at each swap. */
    private int packNumber = 1;

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
            smoothedPercentPerS = 0;
            return;
        }
        double factor;
        if (kind == SimVehicleKind.MULTICOPTER) {
            // Induced + parasitic power: hover is the baseline, drag grows with the square of airspeed.
            factor = airborne ? 1 + 0.0025 * airspeedMps * airspeedMps + 0.08 * Math.max(0, climbMps) : 0.15;
        } else {
            factor = 0.3 + 0.7 * Math.min(2, airspeedMps / cruiseMps);
        }
        double rate = hoverPercentPerS * factor;
        percent = Math.max(0, percent - rate * dtS);
        double a = Math.min(1, dtS / RATE_SMOOTHING_S);
        smoothedPercentPerS = smoothedPercentPerS == 0 ? rate : smoothedPercentPerS + a * (rate - smoothedPercentPerS);
    }

    /**
     * Seconds left at the present (smoothed) draw, as PX4 reports BATTERY_STATUS.time_remaining while flying;
     * 0, "not estimated", while disarmed.
     */
    public int timeRemainingS() {
        return smoothedPercentPerS <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.round(percent / smoothedPercentPerS));
    }

    public double percent() {
        return percent;
    }

    /**
     * Charges the pack while the vehicle is parked on a dock, along {@code curve}, for {@code dtS} seconds. A pack
     * on charge is not drawn from, so the draw PX4 would estimate from is forgotten.
     */
    public void charge(org.skyfleet.simulator.dock.ChargingCurve curve, double dtS) {
        percent = curve.charge(percent, dtS);
        smoothedPercentPerS = 0;
    }

    /** A fresh, full pack takes the place of this one (a swap by hand or by a swapping dock). */
    public void swapIn() {
        packNumber++;
        percent = 100;
        smoothedPercentPerS = 0;
    }

    /** Which pack is in: 1 for the first, 2 after one swap, and so on. */
    public int packNumber() {
        return packNumber;
    }

    /** A new 4S 5000 mAh pack. */
    public int ratedCapacityMah() {
        return 5000;
    }

    /**
     * The serial the simulated pack reports in SMART_BATTERY_INFO: the first pack of a vehicle is "SIM-PACK-007",
     * the one swapped in after it "SIM-PACK-007-2", and so on.
     */
    public String serialFor(int systemId) {
        return packNumber == 1 ? String.format(java.util.Locale.ROOT, "SIM-PACK-%03d", systemId)
                : String.format(java.util.Locale.ROOT, "SIM-PACK-%03d-%d", systemId, packNumber);
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
