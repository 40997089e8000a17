package org.skyfleet.fleet.mission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionItem;

/**
 * A mission for one vehicle: the items as approved, their hash, where it is in its life and how far
 * the vehicle has got.
 *
 * @param missionId     stable id
 * @param vehicleId     the vehicle that flies it
 * @param items         the MAVLink items, in sequence order
 * @param contentHash   hash of the items; a read-back must match it before the mission may start
 * @param cruiseSpeedMps planned speed, for time estimates
 * @param state         the current state
 * @param transitions   every state change so far, oldest first
 * @param currentSeq    the item the vehicle is working on (MISSION_CURRENT), -1 before it starts
 * @param reachedSeq    the last item the vehicle reported reached, -1 for none
 */
public record Mission(String missionId, String vehicleId, List<MissionItem> items, MissionContentHash contentHash,
                      double cruiseSpeedMps, MissionState state, List<MissionTransition> transitions, int currentSeq,
                      int reachedSeq) {

    public Mission {
        Objects.requireNonNull(missionId, "missionId");
        Objects.requireNonNull(vehicleId, "vehicleId");
        items = List.copyOf(items);
        transitions = List.copyOf(transitions);
    }

    /**
     * This mission in {@code next}, with the transition recorded.
     *
     * @throws IllegalStateException if the lifecycle does not allow it, naming both states
     */
    public Mission moveTo(MissionState next, Instant time, String actor, String reason) {
        if (!state.mayBecome(next)) {
            throw new IllegalStateException("mission " + missionId + " is " + state + " and cannot become " + next);
        }
        List<MissionTransition> t = new ArrayList<>(transitions);
        t.add(new MissionTransition(state, next, time, actor, reason == null ? "" : reason));
        return new Mission(missionId, vehicleId, items, contentHash, cruiseSpeedMps, next, t, currentSeq, reachedSeq);
    }

    public Mission withProgress(int current, int reached) {
        return new Mission(missionId, vehicleId, items, contentHash, cruiseSpeedMps, state, transitions, current, reached);
    }

    /** Items the vehicle has finished. */
    public int itemsDone() {
        return reachedSeq + 1;
    }

    /** The reason of the last transition into FAILED or ABORTED, or empty. */
    public String lastReason() {
        return transitions.isEmpty() ? "" : transitions.get(transitions.size() - 1).reason();
    }
}
