package org.skyfleet.server.response;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.response.TimeToScene;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * One call's response as the first response follows it. Changed only on the response thread; its state and clock
 * are read by the API's threads too.
 */
final class ResponseRun {
    enum State { AWAITING_APPROVAL, QUEUED, FLYING, ON_SCENE, REFUSED, RELEASED }

    /** One drone's flight to the scene and over it. */
    static final class Leg {
        final String vehicleId;
        final List<GeoPoint> waypoints;
        final double altRelM;
        int next;
        boolean airborne;
        /** The first waypoint was sent (once airborne). */
        boolean headed;
        boolean onScene;
        Instant leaseRenewedAt;
        /** Waits for this drone's first video frame handed to a viewer once on scene; null before. */
        AutoCloseable videoWatch;

        Leg(String vehicleId, List<GeoPoint> waypoints, double altRelM, Instant now) {
            this.vehicleId = vehicleId;
            this.waypoints = waypoints;
            this.altRelM = altRelM;
            this.leaseRenewedAt = now;
        }

        void stopWatchingVideo() {
            if (videoWatch != null) {
                try {
                    videoWatch.close();
                } catch (Exception e) {
                    // a watch that cannot be removed only costs a map entry
                }
                videoWatch = null;
            }
        }
    }

    final String incidentId;
    final IncidentPriority priority;
    final Instant reportedAt;
    volatile State state;
    GeoPoint centre;
    volatile TimeToScene clock;
    Leg primary;
    Leg relief;
    Instant approvalDeadline;
    boolean escalated;
    boolean noReliefNoted;
    /** Drones whose launch failed for this call: not tried again for it. */
    final Set<String> failed = new HashSet<>();

    ResponseRun(String incidentId, IncidentPriority priority, Instant reportedAt, GeoPoint centre, TimeToScene clock) {
        this.incidentId = incidentId;
        this.priority = priority;
        this.reportedAt = reportedAt;
        this.centre = centre;
        this.clock = clock;
    }

    boolean active() {
        return state != State.REFUSED && state != State.RELEASED;
    }
}
