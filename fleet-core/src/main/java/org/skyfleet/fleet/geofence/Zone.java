package org.skyfleet.fleet.geofence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A geofence.
 *
 * @param id         stable id, unique in a store
 * @param name       shown to people ("Stadium, match day")
 * @param shape      outline on the ground
 * @param kind       operating area or no-fly area
 * @param band       altitudes it applies to, with their reference
 * @param schedule   when it is active; {@code null} for always
 * @param category   why it exists
 * @param appliesTo  which vehicles it applies to
 * @param policy     what a breach asks of the vehicle
 */
public record Zone(String id, String name, ZoneShape shape, ZoneKind kind, AltitudeBand band,
                   ZoneSchedule schedule, ZoneCategory category, ZoneApplicability appliesTo,
                   BreachPolicy policy) {

    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        name = name == null ? id : name;
        band = band == null ? AltitudeBand.unlimited() : band;
        appliesTo = appliesTo == null ? ZoneApplicability.all() : appliesTo;
        policy = policy == null ? BreachPolicy.WARN : policy;
    }

    /** The schedule, empty for "always active". */
    public Optional<ZoneSchedule> scheduleIfAny() {
        return Optional.ofNullable(schedule);
    }

    /** True when the zone is in force at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return schedule == null || schedule.isActiveAt(now);
    }

    public Zone withShape(ZoneShape v) {
        return new Zone(id, name, v, kind, band, schedule, category, appliesTo, policy);
    }

    public Zone withBand(AltitudeBand v) {
        return new Zone(id, name, shape, kind, v, schedule, category, appliesTo, policy);
    }

    public Zone withSchedule(ZoneSchedule v) {
        return new Zone(id, name, shape, kind, band, v, category, appliesTo, policy);
    }

    public Zone withAppliesTo(ZoneApplicability v) {
        return new Zone(id, name, shape, kind, band, schedule, category, v, policy);
    }

    public Zone withPolicy(BreachPolicy v) {
        return new Zone(id, name, shape, kind, band, schedule, category, appliesTo, v);
    }
}
