package org.skyfleet.fleet.incident;

import java.util.List;

/** One drone's share of a search: the mission it flies over which segments. */
public record SearchAssignment(String vehicleId, String missionId, List<String> segmentIds, double plannedFlightTimeS,
                               double batteryAtEndPercent) {
    public SearchAssignment {
        segmentIds = List.copyOf(segmentIds);
    }

    public SearchAssignment withMission(String id) {
        return new SearchAssignment(vehicleId, id, segmentIds, plannedFlightTimeS, batteryAtEndPercent);
    }
}
