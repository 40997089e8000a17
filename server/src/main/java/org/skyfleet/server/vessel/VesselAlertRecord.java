package org.skyfleet.server.vessel;

import org.skyfleet.fleet.vessel.SeaGateAlert;

/**
 * An alert with what became of it. Changed only on the sea gate's thread; read by the RPCs as a whole.
 *
 * @param incidentId the incident that carries its timeline; empty if this node holds no records
 * @param droneId    the drone sent to check, empty before one is
 * @param outcome    how the check ended, for people; empty while open
 */
public record VesselAlertRecord(SeaGateAlert alert, State state, String incidentId, String droneId, String outcome) {
    /** Where the alert's drone check stands. */
    public enum State {
        /** Raised; the check has not started, or waits (up to 2 minutes) for a free drone. */
        OPEN,
        /** The policy wants a person to approve the drone check. */
        AWAITING_APPROVAL,
        /** A drone is flying the check. */
        CHECKING,
        /** The drone saw the vessel: the alert is cleared. */
        CLEARED,
        /** The drone did not find the vessel in its time: the alert stands, for people to act on. */
        CONFIRMED,
        /** A person declined the drone check. */
        REJECTED,
        /** No drone was free (or it could not be launched): for people to act on. */
        NO_DRONE
    }

    public VesselAlertRecord with(State s, String drone, String why) {
        return new VesselAlertRecord(alert, s, incidentId, drone, why);
    }

    public boolean settled() {
        return state == State.CLEARED || state == State.CONFIRMED || state == State.REJECTED || state == State.NO_DRONE;
    }
}
