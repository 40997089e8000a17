package org.skyfleet.fleet.airframe;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * The endurance every plan for a live vehicle counts on:
 * <ol>
 *   <li>full pack: what its own recent landed flights showed ({@link ConsumptionLearner}), never more than its
 *       profile's rating; until enough flight is seen, {@value #RATED_SHARE_PERCENT} % of the rating (a maker
 *       rates hover in still air on a new pack; cruise, climbs, wind and an aged pack take more: a
 *       multicopter cruising at 8 m/s in a 7 m/s wind draws about 1.3 times its hover power);</li>
 *   <li>now: the full pack times its charge; in the air, no more than the autopilot's own BATTERY_STATUS
 *       time_remaining while that is fresh.</li>
 * </ol>
 * A vehicle with neither a profile nor learned consumption has no endurance here: plans use the figures they
 * are given, as before.
 */
public final class VehicleEndurance implements EnduranceSource {
    /** Share of the rated endurance counted on until the vehicle's consumption is learned. */
    public static final int RATED_SHARE_PERCENT = 70;
    /** A time_remaining older than this is not used. */
    static final Duration FRESH = Duration.ofSeconds(10);

    private record Reported(int timeRemainingS, Instant at) {
    }

    private final Airframes airframes;
    private final ConsumptionLearner learner;
    private final VehicleRegistry registry;
    private final InstantSource clock;
    private final Map<String, Reported> timeRemaining = new ConcurrentHashMap<>();

    public VehicleEndurance(Airframes airframes, ConsumptionLearner learner, VehicleRegistry registry, InstantSource clock) {
        this.airframes = airframes;
        this.learner = learner;
        this.registry = registry;
        this.clock = clock;
    }

    /** BATTERY_STATUS.time_remaining of the main battery, seconds; 0 means the autopilot does not estimate it. */
    public void reportTimeRemaining(String vehicleId, int timeRemainingS) {
        if (timeRemainingS > 0) {
            timeRemaining.put(vehicleId, new Reported(timeRemainingS, clock.instant()));
        } else {
            timeRemaining.remove(vehicleId);
        }
    }

    public ConsumptionLearner learner() {
        return learner;
    }

    @Override
    public Optional<Endurance> of(String vehicleId) {
        AirframeProfile profile = airframes.profileOf(vehicleId).orElse(null);
        Consumption seen = learner.of(vehicleId).orElse(null);
        boolean learned = seen != null && seen.learned();
        if (profile == null && !learned) {
            return Optional.empty();
        }
        double full;
        String basis;
        if (learned && (profile == null || seen.fullPackS() <= profile.ratedEnduranceS())) {
            full = seen.fullPackS();
            basis = String.format(Locale.ROOT, "%.0f s a full pack, learned over %.0f s of its last flights (%.2f %%/min)",
                    full, seen.airborneS(), 60 * seen.airbornePercentPerS());
        } else if (learned) {
            full = profile.ratedEnduranceS();
            basis = String.format(Locale.ROOT, "%.0f s a full pack, the rating of %s (its flights showed %.0f s)",
                    full, profile.profileId(), seen.fullPackS());
        } else {
            full = profile.ratedEnduranceS() * RATED_SHARE_PERCENT / 100;
            basis = String.format(Locale.ROOT, "%.0f s a full pack, %d %% of the %.0f s rated for %s until its consumption is learned",
                    full, RATED_SHARE_PERCENT, profile.ratedEnduranceS(), profile.profileId());
        }
        VehicleState live = registry.find(vehicleId).orElse(null);
        double battery = live == null || live.battery() == null ? Double.NaN : live.battery().remainingPercent();
        double available = full * battery / 100;
        Reported r = timeRemaining.get(vehicleId);
        if (r != null && live != null && ConsumptionLearner.airborne(live) && !clock.instant().isAfter(r.at().plus(FRESH))
                && r.timeRemainingS() < available) {
            available = r.timeRemainingS();
            basis += String.format(Locale.ROOT, "; its autopilot says %d s left", r.timeRemainingS());
        }
        if (!Double.isNaN(battery)) {
            basis += String.format(Locale.ROOT, "; %.0f %% charge: %.0f s now", battery, available);
        }
        return Optional.of(new Endurance(full, available, battery,
                profile == null ? Double.NaN : profile.cruiseSpeedMps(), profile == null ? Double.NaN : profile.maxSpeedMps(),
                profile == null ? Double.NaN : profile.climbRateMps(), profile == null ? "" : profile.profileId(), basis));
    }
}
