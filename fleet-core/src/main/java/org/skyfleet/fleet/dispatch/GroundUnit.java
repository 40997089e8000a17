package org.skyfleet.fleet.dispatch;

import java.time.Instant;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * A unit as last reported.
 *
 * @param reportedStatus what the unit says (AVAILABLE, BUSY, OFF_DUTY)
 * @param assignmentId   its open assignment, or empty
 * @param accuracyM      GNSS accuracy, metres; 0 when unknown
 */
public record GroundUnit(String unitId, UnitType type, String callsign, GeoPoint position, double accuracyM,
                         UnitStatus reportedStatus, Instant lastReport, String assignmentId) {
    public GroundUnit {
        callsign = callsign == null || callsign.isBlank() ? unitId : callsign;
        assignmentId = assignmentId == null ? "" : assignmentId;
    }

    /** ASSIGNED while an assignment is open, else what the unit reported. */
    public UnitStatus status() {
        return assignmentId.isEmpty() ? reportedStatus : UnitStatus.ASSIGNED;
    }

    public GroundUnit withAssignment(String id) {
        return new GroundUnit(unitId, type, callsign, position, accuracyM, reportedStatus, lastReport, id);
    }
}
