package org.skyfleet.fleet.replay;

import java.util.List;
import org.skyfleet.fleet.store.PositionSample;

/**
 * One vehicle's or unit's track in a replay, thinned.
 *
 * @param subjectId the vehicle id or the unit id
 * @param points    the kept samples, oldest first
 * @param samples   how many samples history held for the window
 * @param maxErrorM the most any dropped sample is off the thinned track at its time, metres
 */
public record ReplayTrack(String subjectId, Subject subject, List<PositionSample> points, int samples, double maxErrorM) {
    /** What moved. */
    public enum Subject { VEHICLE, UNIT }

    public ReplayTrack {
        points = List.copyOf(points);
    }
}
