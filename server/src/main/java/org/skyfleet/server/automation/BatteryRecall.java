package org.skyfleet.server.automation;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.skyfleet.fleet.airframe.Endurance;
import org.skyfleet.fleet.airframe.EnduranceSource;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * Brings a searching drone home while it still has the way home and the reserve: once a second, the flight
 * time it has left (its records' figure, capped by what its autopilot reports in BATTERY_STATUS
 * time_remaining) is set against the straight way home at its speed, the descent, the reserve kept on top,
 * and the time to the next check. The plan was sized to fit; wind and an aged pack can still make it too long,
 * and the autopilot's own battery failsafe would abandon the mission later, at a lower charge. On the
 * automation thread.
 */
final class BatteryRecall {
    /** Descent to land, metres per second: PX4's MPC_Z_VEL_MAX_DN is 1.5 (1 m/s below 10 m), kept low here. */
    static final double DESCENT_MPS = 1.5;
    /**
     * The way home is counted at this many times its still-air time: it may be into the wind (a 7 m/s wind
     * against an 8 m/s cruise costs about 1.5 times the power of the way out), and the draw the autopilot's
     * time_remaining is computed from is that of the way out.
     */
    static final double HEADWIND_FACTOR = 1.5;
    /** The next check is counted as this far off at most: longer gaps mean a stalled thread, not the pace. */
    static final double MAX_CHECK_GAP_S = 30;

    private final VehicleRegistry registry;
    private final EnduranceSource endurance;
    private final SortieControl sorties;
    private final SortieControl.Notes notes;
    private final double cruiseSpeedMps;
    private final ReservePolicy reserve = ReservePolicy.DEFAULT;
    private final java.time.InstantSource clock;
    private java.time.Instant lastCheck;
    /**
     * How far off the next check is, on the server's clock: the time between the last two. A drone that may go on
     * until the next check must be able to: with checks a second apart that is nothing, but a loaded machine (or a
     * simulation run faster than real time) spaces them out, and a drone recalled one gap late lands that much lower.
     */
    private double checkGapS = 1;

    BatteryRecall(VehicleRegistry registry, EnduranceSource endurance, SortieControl sorties, SortieControl.Notes notes,
                  double cruiseSpeedMps, java.time.InstantSource clock) {
        this.clock = clock;
        this.registry = registry;
        this.endurance = endurance;
        this.sorties = sorties;
        this.notes = notes;
        this.cruiseSpeedMps = cruiseSpeedMps;
    }

    void check(Collection<SearchRun> runs) {
        java.time.Instant now = clock.instant();
        if (lastCheck != null) {
            checkGapS = Math.max(1, Math.min(MAX_CHECK_GAP_S, java.time.Duration.between(lastCheck, now).toMillis() / 1000.0));
        }
        lastCheck = now;
        for (SearchRun run : runs) {
            for (Sortie s : run.sortiesByVehicle.values()) {
                if (s.phase != Sortie.Phase.FLYING) {
                    continue;
                }
                why(s.vehicleId).ifPresent(reason -> {
                    sorties.recall(s, reason);
                    notes.note(run.incidentId, s.vehicleId, "recalled for its battery: " + reason);
                });
            }
        }
    }

    /** Why the drone must turn home now, if it must. */
    Optional<String> why(String vehicleId) {
        VehicleState v = registry.find(vehicleId).orElse(null);
        Endurance e = endurance.of(vehicleId).orElse(null);
        if (v == null || e == null || v.position() == null || v.home() == null || !(e.availableS() >= 0)
                || !org.skyfleet.fleet.airframe.ConsumptionLearner.airborne(v)) {
            return Optional.empty();
        }
        double speed = e.cruiseSpeedMps() > 0 ? Math.min(cruiseSpeedMps, e.cruiseSpeedMps()) : cruiseSpeedMps;
        double homeS = HEADWIND_FACTOR * GreatCircle.distanceM(new GeoPoint(v.position().latDeg(), v.position().lonDeg()),
                new GeoPoint(v.home().latDeg(), v.home().lonDeg())) / speed + Math.max(0, v.position().altRelM()) / DESCENT_MPS;
        double reserveS = reserve.reserveS(e.fullPackS());
        if (e.availableS() > homeS + reserveS + checkGapS) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%.0f s of flight left, %.0f s to come home and land with the %.0f s reserve",
                e.availableS(), homeS, reserveS));
    }
}
