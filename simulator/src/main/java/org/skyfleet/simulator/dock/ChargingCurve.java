package org.skyfleet.simulator.dock;

/**
 * How fast a dock charges a LiPo pack, CC/CV: at constant current up to the knee, then at constant voltage,
 * with the current falling as the cell voltage nears the charger's.
 *
 * <p>Definition, charge p in percent, rate in percent per second:
 * <ul>
 *   <li>CC, {@code p < kneePercent}: {@code rate = 100 * chargeRateC / 3600} (a 1 C charge fills an empty pack
 *       in an hour; 2 C in half an hour).</li>
 *   <li>CV, {@code p >= kneePercent}: {@code rate = ccRate * (100 - p) / (100 - kneePercent)}: the current falls in
 *       proportion to the charge still missing, an exponential approach to full with time constant
 *       {@code (100 - kneePercent) / ccRate} seconds. The charger stops (terminates) once the missing charge is
 *       under {@link #TERMINATION_PERCENT}, and the pack reads 100 %.</li>
 * </ul>
 * Degenerate cases: a knee of 100 % is a pure CC charge; the rate is never negative and a full pack takes none.
 *
 * @param chargeRateC  charging current in multiples of the pack's capacity (C rate), &gt; 0
 * @param kneePercent  charge at which the charger turns from constant current to constant voltage, 0..100
 */
public record ChargingCurve(double chargeRateC, double kneePercent) {
    /** The charger cuts off when the current has fallen to a twentieth of the CC current: within 1 % of full at an 80 % knee. */
    public static final double TERMINATION_PERCENT = 1.0;

    public ChargingCurve {
        if (!(chargeRateC > 0) || !(kneePercent >= 0 && kneePercent <= 100)) {
            throw new IllegalArgumentException("chargeRateC must be > 0 and kneePercent 0..100");
        }
    }

    /** A dock's usual charger: 2 C to 80 %, then constant voltage. */
    public static ChargingCurve standard() {
        return new ChargingCurve(2.0, 80);
    }

    /** Percent per second at charge {@code percent}. */
    public double ratePercentPerS(double percent) {
        if (percent >= 100) {
            return 0;
        }
        double cc = 100 * chargeRateC / 3600;
        if (percent < kneePercent || kneePercent >= 100) {
            return cc;
        }
        return cc * (100 - percent) / (100 - kneePercent);
    }

    /** The charge after {@code dtS} seconds from {@code percent}; 100 once the charger terminates. */
    public double charge(double percent, double dtS) {
        double p = Math.min(100, percent + ratePercentPerS(percent) * dtS);
        return 100 - p < TERMINATION_PERCENT ? 100 : p;
    }

    /**
     * Seconds from {@code percent} to the charger's termination: the CC part at its constant rate, then the CV part's
     * exponential approach, {@code τ ln(missing / TERMINATION_PERCENT)} with {@code τ = (100 - knee) / ccRate}.
     */
    public double secondsToFull(double percent) {
        if (100 - percent < TERMINATION_PERCENT) {
            return 0;
        }
        double cc = 100 * chargeRateC / 3600;
        if (kneePercent >= 100) {
            return (100 - percent) / cc;
        }
        double ccS = Math.max(0, kneePercent - percent) / cc;
        double missing = 100 - Math.max(percent, kneePercent);
        double tau = (100 - kneePercent) / cc;
        return ccS + tau * Math.log(Math.max(1, missing / TERMINATION_PERCENT));
    }
}
