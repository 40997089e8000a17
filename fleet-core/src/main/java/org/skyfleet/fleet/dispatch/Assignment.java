package org.skyfleet.fleet.dispatch;

import java.time.Instant;
import java.util.List;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * A unit sent to a track.
 *
 * @param target        the track's live position
 * @param etaS          estimated time of arrival when assigned, seconds
 * @param acknowledgeBy an OFFERED assignment not acknowledged by then goes to the next unit
 * @param etaMethod     how {@code etaS} was estimated
 * @param route         the unit's way by road to the target as it was when assigned (WGS-84); empty unless by ROAD
 */
public record Assignment(String assignmentId, String unitId, String incidentId, String trackId, GeoPoint target,
                         AssignmentState state, double etaS, double distanceM, Instant acknowledgeBy, Instant updatedAt,
                         String description, EtaMethod etaMethod, List<GeoPoint> route) {
    public Assignment {
        etaMethod = etaMethod == null ? EtaMethod.UNKNOWN : etaMethod;
        route = route == null ? List.of() : List.copyOf(route);
    }

    /** An assignment whose estimate method is not known (stored before the store kept it, or a test's). */
    public Assignment(String assignmentId, String unitId, String incidentId, String trackId, GeoPoint target,
                      AssignmentState state, double etaS, double distanceM, Instant acknowledgeBy, Instant updatedAt,
                      String description) {
        this(assignmentId, unitId, incidentId, trackId, target, state, etaS, distanceM, acknowledgeBy, updatedAt, description,
                EtaMethod.UNKNOWN, List.of());
    }

    public Assignment withState(AssignmentState s, Instant at) {
        return new Assignment(assignmentId, unitId, incidentId, trackId, target, s, etaS, distanceM, acknowledgeBy, at, description,
                etaMethod, route);
    }

    /** The track moved: the route and estimate stay those of the assignment (the unit re-plans on its own). */
    public Assignment withTarget(GeoPoint t, Instant at) {
        return new Assignment(assignmentId, unitId, incidentId, trackId, t, state, etaS, distanceM, acknowledgeBy, at, description,
                etaMethod, route);
    }

    /** The route's length, metres; 0 without a route. */
    public double routeLengthM() {
        return TravelEstimate.lengthM(route);
    }
}
