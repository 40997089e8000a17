package org.skyfleet.simulator.scenario;

import org.skyfleet.simulator.dock.ChargingCurve;
import org.skyfleet.simulator.dock.Dock;

/**
 * A vehicle's dock in a scenario. Fields left out take the defaults.
 *
 * @param kind          CHARGER (default: charges the parked pack) or SWAPPER (swaps it for a full one)
 * @param position      the pad; default the vehicle's start, which is its home, where it lands after a mission
 * @param swapTimeS     how long a swap takes, seconds of the vehicle standing still (default 120)
 * @param chargeRateC   the charger's constant current, in C (default 2: an empty pack to the knee in 24 min)
 * @param cvKneePercent the charge at which constant current turns to constant voltage (default 80)
 */
public record DockSpec(Dock.Kind kind, GeoPoint position, Double swapTimeS, Double chargeRateC, Double cvKneePercent) {
    public static final double DEFAULT_SWAP_TIME_S = 120;

    public DockSpec {
        kind = kind == null ? Dock.Kind.CHARGER : kind;
    }

    public ChargingCurve curve() {
        ChargingCurve d = ChargingCurve.standard();
        return new ChargingCurve(chargeRateC != null ? chargeRateC : d.chargeRateC(), cvKneePercent != null ? cvKneePercent : d.kneePercent());
    }

    public double swapTime() {
        return swapTimeS != null ? swapTimeS : DEFAULT_SWAP_TIME_S;
    }
}
