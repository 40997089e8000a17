package org.skyfleet.fleet.search;

import java.util.List;
import org.skyfleet.planner.Waypoint;

/**
 * One drone's next sortie from {@link SortieAllocator}: several segments flown one after the other on one
 * battery.
 *
 * @param droneId the drone
 * @param legs the segments in the order flown, each with its own validated COVERAGE plan (from the drone's
 *     position); their POD and expected POS are each segment's
 * @param route the legs joined into one mission: the first leg's take-off, every leg's transit and survey
 *     waypoints in order, the last leg's return to launch
 * @param expectedPos Σ over legs of P(segment) · POD(segment) on the map the sortie was planned on
 * @param estimatedFlightS climb, transits, sweeps and the way home as the allocator counts them, seconds
 *     (without the reserve)
 */
public record SortieAssignment(String droneId, List<DroneAssignment> legs, List<Waypoint> route, double expectedPos,
                               double estimatedFlightS) {

    public SortieAssignment {
        legs = List.copyOf(legs);
        route = List.copyOf(route);
    }

    /** The ids of the segments this sortie holds, so a re-allocation for another drone leaves them out. */
    public List<String> segmentIds() {
        return legs.stream().map(l -> l.segment().id()).toList();
    }
}
