package org.skyfleet.simulator.dock;

import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * A dock for one vehicle, of any kind: a pad at a fixed point that charges the pack of the vehicle parked on it
 * ({@link Kind#CHARGER}, along its {@link ChargingCurve}) or swaps it for a full one after a set time
 * ({@link Kind#SWAPPER}). A vehicle is parked when it is on the ground, disarmed, within {@link #PARK_RADIUS_M}
 * of the pad. Either kind also takes a swap asked for by hand or by a dock action ({@link #requestSwap}), which
 * needs the vehicle to stand still, on the pad or not. Mutated by the simulation thread only.
 */
public final class Dock {
    /**
     * How close to the pad's centre a vehicle must stand to be on it, metres. The simulated autopilot has no precision
     * landing: in a gusty wind its touchdown at home is metres off, where a real dock guides the vehicle in (PX4's
     * precision landing on a beacon) and centres it mechanically; 10 m stands for that guidance.
     */
    public static final double PARK_RADIUS_M = 10.0;
    /** A swapping dock leaves a pack fuller than this in: a swap costs a pack's cycle for nothing. */
    public static final double SWAP_BELOW_PERCENT = 95;

    /** What the dock does with a parked vehicle's pack. */
    public enum Kind { CHARGER, SWAPPER }

    /** What the dock is doing, as its heartbeat tells. */
    public enum Phase {
        /** Nothing on the pad. */
        EMPTY,
        /** A vehicle on the pad, its pack full (or, on a swapper, full enough). */
        OCCUPIED,
        /** Charging the parked vehicle's pack. */
        CHARGING,
        /** A pack swap under way (on the pad or by hand). */
        SWAPPING
    }

    private final Kind kind;
    private final double eastM;
    private final double northM;
    private final ChargingCurve curve;
    private final double swapTimeS;
    private PackSwap swap;
    private boolean parked;
    private Phase phase = Phase.EMPTY;

    /**
     * @param eastM     the pad, metres east of the world origin
     * @param northM    the pad, metres north of the world origin
     * @param swapTimeS how long a swap takes, seconds of the vehicle standing still
     */
    public Dock(Kind kind, double eastM, double northM, ChargingCurve curve, double swapTimeS) {
        if (!(swapTimeS >= 0)) {
            throw new IllegalArgumentException("swap time must be >= 0 s");
        }
        this.kind = kind;
        this.eastM = eastM;
        this.northM = northM;
        this.curve = curve;
        this.swapTimeS = swapTimeS;
    }

    /**
     * One step of {@code dtS} seconds with {@code vehicle} (armed or not): charges or swaps its pack if it is parked.
     *
     * @return true on the step a fresh pack went in
     */
    public boolean step(SimVehicle vehicle, boolean armed, double dtS) {
        boolean still = !armed && !vehicle.airborne();
        parked = still && Math.hypot(vehicle.eastM() - eastM, vehicle.northM() - northM) <= PARK_RADIUS_M;
        if (swap == null && parked && kind == Kind.SWAPPER && vehicle.batteryPercent() < SWAP_BELOW_PERCENT) {
            swap = new PackSwap(swapTimeS);
        }
        boolean swapped = false;
        if (swap != null) {
            swapped = swap.step(vehicle.battery(), still, dtS);
            if (swap.done()) {
                swap = null;
            }
        } else if (parked && kind == Kind.CHARGER && vehicle.batteryPercent() < 100) {
            vehicle.battery().charge(curve, dtS);
        }
        if (swap != null) {
            phase = Phase.SWAPPING;
        } else if (!parked) {
            phase = Phase.EMPTY;
        } else {
            phase = kind == Kind.CHARGER && vehicle.batteryPercent() < 100 ? Phase.CHARGING : Phase.OCCUPIED;
        }
        return swapped;
    }

    /** A swap asked for by hand or by a dock action: it runs while the vehicle stands still. No-op if one is under way. */
    public void requestSwap() {
        if (swap == null) {
            swap = new PackSwap(swapTimeS);
        }
    }

    public Phase phase() {
        return phase;
    }

    /** A vehicle stands on the pad. */
    public boolean occupied() {
        return parked;
    }

    public Kind kind() {
        return kind;
    }

    public ChargingCurve curve() {
        return curve;
    }

    public double eastM() {
        return eastM;
    }

    public double northM() {
        return northM;
    }

    /**
     * Seconds until the parked pack is full: the swap's remaining time, or the charge along the curve; 0 when
     * nothing is parked or the pack is full.
     */
    public double secondsToFull(double percent) {
        if (swap != null) {
            return swap.remainingS();
        }
        if (!parked || kind != Kind.CHARGER) {
            return 0;
        }
        return curve.secondsToFull(percent);
    }
}
