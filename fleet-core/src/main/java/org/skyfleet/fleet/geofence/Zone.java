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
 * @param gateKind   for a gate zone (category {@link ZoneCategory#isGate()}) the kind of place it guards, of that
 *                   category; null for every other zone
 */
public record Zone(String id, String name, ZoneShape shape, ZoneKind kind, AltitudeBand band,
                   ZoneSchedule schedule, ZoneCategory category, ZoneApplicability appliesTo,
                   BreachPolicy policy, GateKind gateKind) {
    /**
     * What a gate zone applies to as a geofence: a vehicle id no vehicle has. A gate counts who crosses it; a
     * drone must never be held inside a school's outline because the gate was stored as an operating area.
     */
    public static final ZoneApplicability GATE_COUNTS_ONLY = ZoneApplicability.vehicles("gate:counts-only");

    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        name = name == null ? id : name;
        band = band == null ? AltitudeBand.unlimited() : band;
        appliesTo = appliesTo == null ? ZoneApplicability.all() : appliesTo;
        policy = policy == null ? BreachPolicy.WARN : policy;
        if (category.isGate()) {
            if (gateKind == null || gateKind.category() != category) {
                throw new IllegalArgumentException("gate zone " + id + " needs a gate kind of category " + category
                        + (gateKind == null ? "" : "; " + gateKind + " is a " + gateKind.category()));
            }
            appliesTo = GATE_COUNTS_ONLY;
        } else if (gateKind != null) {
            throw new IllegalArgumentException("zone " + id + " of category " + category + " is no gate: it takes no gate kind");
        }
    }

    /** A zone that is not a gate. */
    public Zone(String id, String name, ZoneShape shape, ZoneKind kind, AltitudeBand band, ZoneSchedule schedule,
                ZoneCategory category, ZoneApplicability appliesTo, BreachPolicy policy) {
        this(id, name, shape, kind, band, schedule, category, appliesTo, policy, null);
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
        return new Zone(id, name, v, kind, band, schedule, category, appliesTo, policy, gateKind);
    }

    public Zone withBand(AltitudeBand v) {
        return new Zone(id, name, shape, kind, v, schedule, category, appliesTo, policy, gateKind);
    }

    public Zone withSchedule(ZoneSchedule v) {
        return new Zone(id, name, shape, kind, band, v, category, appliesTo, policy, gateKind);
    }

    public Zone withAppliesTo(ZoneApplicability v) {
        return new Zone(id, name, shape, kind, band, schedule, category, v, policy, gateKind);
    }

    public Zone withPolicy(BreachPolicy v) {
        return new Zone(id, name, shape, kind, band, schedule, category, appliesTo, v, gateKind);
    }
}
