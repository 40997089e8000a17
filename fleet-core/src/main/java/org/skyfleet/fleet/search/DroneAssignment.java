package org.skyfleet.fleet.search;

import org.skyfleet.planner.Plan;

/**
 * A drone sent to search one segment.
 *
 * @param droneId the drone
 * @param segment the segment it covers
 * @param plan the validated COVERAGE plan over the segment
 * @param coverage Koopman coverage the plan gives the segment: coverage ratio · W / track spacing
 * @param pod probability of detection if the subject is in the segment, 1 − exp(−coverage)
 * @param expectedPos segment probability · pod
 */
public record DroneAssignment(String droneId, SearchSegment segment, Plan plan, double coverage, double pod,
                              double expectedPos) {}
