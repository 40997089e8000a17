package org.skyfleet.server.automation;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.search.FlownSample;

/** One drone's flight for a search, as the automation follows it. Touched only on the automation thread. */
final class Sortie {
    enum Phase { LAUNCHING, FLYING, ORBITING, RETURNING, ENDED }

    final String vehicleId;
    /** The first segment it flies (what the timeline names). */
    final String segmentId;
    /** Every segment of its sortie, in the order flown. */
    final List<String> segmentIds;
    String missionId = "";
    Phase phase = Phase.LAUNCHING;
    /**
     * Seen in the air since its launch: until then "on the ground, disarmed" is the moment before it arms and
     * climbs, not a landing (a state older than the mission start can say so).
     */
    boolean airborneSeen;
    /** Flown since the last map update; the last one is kept so the swept track stays joined. */
    final List<FlownSample> samples = new ArrayList<>();

    Sortie(String vehicleId, String segmentId) {
        this(vehicleId, segmentId.isEmpty() ? List.of() : List.of(segmentId));
    }

    Sortie(String vehicleId, List<String> segmentIds) {
        this.vehicleId = vehicleId;
        this.segmentIds = List.copyOf(segmentIds);
        this.segmentId = segmentIds.isEmpty() ? "" : segmentIds.get(0);
    }
}
