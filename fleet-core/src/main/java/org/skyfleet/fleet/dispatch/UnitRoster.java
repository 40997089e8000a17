package org.skyfleet.fleet.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.geo.GeoPoint;

/** The ground units as they last reported. Thread-safe. */
public final class UnitRoster {
    /** A unit silent for longer is not dispatched: its position may be far out of date. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final InstantSource clock;
    private final Map<String, GroundUnit> units = new ConcurrentHashMap<>();

    public UnitRoster(InstantSource clock) {
        this.clock = clock;
    }

    /**
     * Records a unit's report. A unit cannot report itself ASSIGNED; the dispatcher sets that.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    public GroundUnit report(String unitId, UnitType type, String callsign, GeoPoint position, double accuracyM,
                             UnitStatus status, Instant time) {
        if (unitId == null || unitId.isBlank() || unitId.length() > 100) {
            throw new IllegalArgumentException("unit_id: required, at most 100 characters");
        }
        if (type == null) {
            throw new IllegalArgumentException("unit_type: required (OFFICER_ON_FOOT, PATROL_CAR, BOAT or GROUND_ROBOT)");
        }
        if (status == null || status == UnitStatus.ASSIGNED) {
            throw new IllegalArgumentException("status: AVAILABLE, BUSY or OFF_DUTY (ASSIGNED is set by dispatch)");
        }
        try {
            position.validate("position");
        } catch (PlanningException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!(accuracyM >= 0) || accuracyM > 100_000) {
            throw new IllegalArgumentException("accuracy_m: must be 0..100000 m, got " + accuracyM);
        }
        Instant at = time == null ? clock.instant() : time;
        return units.compute(unitId, (id, old) -> {
            if (old != null && old.lastReport().isAfter(at)) {
                return old; // a late report never moves a unit back in time
            }
            return new GroundUnit(id, type, callsign, position, accuracyM, status, at, old == null ? "" : old.assignmentId());
        });
    }

    public Optional<GroundUnit> find(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    public List<GroundUnit> all() {
        List<GroundUnit> out = new ArrayList<>(units.values());
        out.sort(Comparator.comparing(GroundUnit::unitId));
        return out;
    }

    /** Units that reported AVAILABLE recently and have no open assignment. */
    public List<GroundUnit> available() {
        Instant freshSince = clock.instant().minus(STALE_AFTER);
        return all().stream().filter(u -> u.status() == UnitStatus.AVAILABLE && u.lastReport().isAfter(freshSince)).toList();
    }

    void setAssignment(String unitId, String assignmentId) {
        units.computeIfPresent(unitId, (id, u) -> u.withAssignment(assignmentId));
    }
}
