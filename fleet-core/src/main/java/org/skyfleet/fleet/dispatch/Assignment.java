package org.skyfleet.fleet.dispatch;

import java.time.Instant;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * A unit sent to a track.
 *
 * @param target        the track's live position
 * @param etaS          estimated time of arrival when assigned, seconds
 * @param acknowledgeBy an OFFERED assignment not acknowledged by then goes to the next unit
 */
public record Assignment(String assignmentId, String unitId, String incidentId, String trackId, GeoPoint target,
                         AssignmentState state, double etaS, double distanceM, Instant acknowledgeBy, Instant updatedAt,
                         String description) {

    public Assignment withState(AssignmentState s, Instant at) {
        return new Assignment(assignmentId, unitId, incidentId, trackId, target, s, etaS, distanceM, acknowledgeBy, at, description);
    }

    public Assignment withTarget(GeoPoint t, Instant at) {
        return new Assignment(assignmentId, unitId, incidentId, trackId, t, state, etaS, distanceM, acknowledgeBy, at, description);
    }
}
