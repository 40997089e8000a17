package org.skyfleet.fleet.escort;

import org.skyfleet.planner.geo.GeoPoint;

/** What a paired robot should do this tick. */
public sealed interface EscortStep permits EscortStep.MoveTo, EscortStep.Stop {

    /** Drive to {@code target} (WGS-84), the stand-off point beside the officer. */
    record MoveTo(GeoPoint target, double distanceToOfficerM) implements EscortStep {
    }

    /** Stay where it is, and why. */
    record Stop(Reason reason, String detail) implements EscortStep {
    }

    /** Why a robot stops instead of following. */
    enum Reason {
        /** The officer's position is older than the staleness limit: following it would chase a ghost. */
        OFFICER_STALE,
        /** Already within the stand-off distance (plus the dead band): no need to move. */
        IN_STAND_OFF,
        /** The stand-off point lies in a zone the robot must not enter. */
        TARGET_IN_EXCLUSION
    }
}
