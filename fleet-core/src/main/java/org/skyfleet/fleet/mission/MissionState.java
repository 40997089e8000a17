package org.skyfleet.fleet.mission;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a mission is in its life, and where it may go from each state. */
public enum MissionState {
    DRAFT,
    APPROVED,
    UPLOADING,
    UPLOADED,
    FLYING,
    PAUSED,
    COMPLETED,
    ABORTED,
    FAILED;

    private static final Map<MissionState, Set<MissionState>> NEXT = Map.of(
            DRAFT, EnumSet.of(APPROVED, ABORTED),
            APPROVED, EnumSet.of(UPLOADING, ABORTED),
            UPLOADING, EnumSet.of(UPLOADED, FAILED, ABORTED),
            UPLOADED, EnumSet.of(UPLOADING, FLYING, ABORTED),
            FLYING, EnumSet.of(PAUSED, COMPLETED, ABORTED, FAILED),
            PAUSED, EnumSet.of(FLYING, ABORTED, FAILED),
            COMPLETED, EnumSet.noneOf(MissionState.class),
            ABORTED, EnumSet.noneOf(MissionState.class),
            FAILED, EnumSet.of(UPLOADING));

    public boolean mayBecome(MissionState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return this == COMPLETED || this == ABORTED;
    }

    /** The vehicle is carrying the mission out (or holding in it). */
    public boolean isActive() {
        return this == FLYING || this == PAUSED;
    }
}
