package org.skyfleet.simulator.ground;

import java.util.logging.Logger;
import org.skyfleet.proto.v1.Assignment;
import org.skyfleet.proto.v1.AssignmentState;
import org.skyfleet.simulator.controlplane.ProtoMapping;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.scenario.UnitSpec;

/**
 * What a ground unit does about its assignment, whatever the wire: takes an offer, acknowledges it after
 * the unit's delay, drives towards the target as it moves, stays once arrived, stands down when the
 * assignment is cancelled or given to another unit. Not thread-safe: {@link OfficerApp} calls it under
 * its monitor.
 */
final class AssignmentFollower {
    private static final Logger LOG = Logger.getLogger(AssignmentFollower.class.getName());

    private final SimulatedUnit unit;
    private final UnitSpec spec;
    private OfficerApp.Phase phase = OfficerApp.Phase.IDLE;
    private String assignmentId;
    private GeoPoint target;
    private long acknowledgeDueMs;

    AssignmentFollower(SimulatedUnit unit) {
        this.unit = unit;
        this.spec = unit.spec();
    }

    OfficerApp.Phase phase() {
        return phase;
    }

    /** The current assignment, or null. */
    String assignmentId() {
        return assignmentId;
    }

    /** The current assignment's latest target, or null. */
    GeoPoint target() {
        return target;
    }

    /** An offer waits for this unit's acknowledgement and its delay has passed. */
    boolean acknowledgeDue(long nowMs) {
        return phase == OfficerApp.Phase.OFFERED && spec.acknowledges() && nowMs >= acknowledgeDueMs;
    }

    /** On its way and within the arrival radius of the target. */
    boolean arrivalDue() {
        return phase == OfficerApp.Phase.EN_ROUTE && unit.distanceM(target) <= spec.arrivalRadiusM();
    }

    /**
     * Applies what the server says about an assignment of this unit.
     *
     * @return whether it started a new assignment (calls in flight for the old one no longer count)
     */
    boolean apply(Assignment a, long nowMs) {
        String id = a.getAssignmentId();
        boolean current = id.equals(assignmentId);
        GeoPoint latest = a.hasTarget() ? ProtoMapping.geoPoint(a.getTarget()) : target;
        switch (a.getState()) {
            case ASSIGNMENT_STATE_OFFERED -> {
                if (!current) {
                    start(id, latest, OfficerApp.Phase.OFFERED);
                    acknowledgeDueMs = nowMs + Math.round(spec.acknowledgeDelayS() * 1000);
                    return true;
                }
                follow(latest);
            }
            case ASSIGNMENT_STATE_ACKNOWLEDGED -> {
                if (!current) {
                    start(id, latest, OfficerApp.Phase.EN_ROUTE);  // e.g. the current one, resent after a reconnect
                } else if (phase == OfficerApp.Phase.OFFERED) {
                    phase = OfficerApp.Phase.EN_ROUTE;
                }
                follow(latest);
                return !current;
            }
            case ASSIGNMENT_STATE_ARRIVED -> {
                if (!current) {
                    start(id, latest, OfficerApp.Phase.ARRIVED);
                }
                phase = OfficerApp.Phase.ARRIVED;
                target = latest;
                unit.stop();
                return !current;
            }
            case ASSIGNMENT_STATE_CANCELLED, ASSIGNMENT_STATE_REASSIGNED -> {
                if (current) {
                    standDown();
                }
            }
            default -> LOG.warning(unit.id() + ": assignment " + id + " in state " + a.getState() + " ignored");
        }
        return false;
    }

    /** The server's answer to this unit's acknowledgement. */
    void acknowledged(Assignment a) {
        if (a.getState() == AssignmentState.ASSIGNMENT_STATE_CANCELLED
                || a.getState() == AssignmentState.ASSIGNMENT_STATE_REASSIGNED) {
            standDown();
            return;
        }
        if (phase == OfficerApp.Phase.OFFERED) {
            phase = OfficerApp.Phase.EN_ROUTE;
        }
        follow(a.hasTarget() ? ProtoMapping.geoPoint(a.getTarget()) : target);
    }

    /** The server took this unit's arrival. */
    void arrived() {
        phase = OfficerApp.Phase.ARRIVED;
        unit.stop();
    }

    /** No assignment any more: stop where it is, available again. */
    void standDown() {
        assignmentId = null;
        target = null;
        phase = OfficerApp.Phase.IDLE;
        unit.stop();
    }

    private void start(String id, GeoPoint at, OfficerApp.Phase p) {
        assignmentId = id;
        target = at;
        phase = p;
        unit.stop();
    }

    private void follow(GeoPoint latest) {
        target = latest;
        if (phase == OfficerApp.Phase.EN_ROUTE && latest != null) {
            unit.goTo(latest);
        }
    }
}
