package org.skyfleet.server.automation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.search.DistanceQuantiles;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SearchSegment;

/** One incident's search as the automation runs it. Touched only on the automation thread. */
final class SearchRun {
    final String incidentId;
    final DistanceQuantiles statistics;
    final List<SearchSegment> initialSegments;
    final Map<String, Double> initialProbabilityBySegment = new HashMap<>();
    ProbabilityMap map;
    /** The time {@link #map} is for: it is diffused from here to now before each allocation. */
    java.time.Instant mapAt;
    /** How the subject keeps moving (the map diffuses with it). */
    org.skyfleet.fleet.search.SubjectMobility mobility = org.skyfleet.fleet.search.SubjectMobility.STATIONARY;
    /** Waiting for approval; null once launched or when nothing waits. */
    List<org.skyfleet.fleet.search.SortieAssignment> proposed;
    /** Who approved: missions are approved in their name. */
    Operator approvedBy;
    final Map<String, Sortie> sortiesByVehicle = new java.util.concurrent.ConcurrentHashMap<>();
    final List<Sortie> ended = new ArrayList<>();
    boolean found;
    boolean ended_;

    /** The side of this search's segments, metres: sized for its drones' packs when it was planned. */
    final double segmentSideM;

    SearchRun(String incidentId, DistanceQuantiles statistics, ProbabilityMap map, List<SearchSegment> segments) {
        this(incidentId, statistics, map, segments, SearchSegmentation.SEGMENT_SIZE_M);
    }

    SearchRun(String incidentId, DistanceQuantiles statistics, ProbabilityMap map, List<SearchSegment> segments, double segmentSideM) {
        this.segmentSideM = segmentSideM;
        this.incidentId = incidentId;
        this.statistics = statistics;
        this.map = map;
        this.initialSegments = List.copyOf(segments);
        segments.forEach(s -> initialProbabilityBySegment.put(s.id(), s.probability()));
    }

    /** Segments a drone is flying or about to fly. */
    List<String> segmentsInHand() {
        return sortiesByVehicle.values().stream().filter(s -> s.phase == Sortie.Phase.LAUNCHING || s.phase == Sortie.Phase.FLYING)
                .flatMap(s -> s.segmentIds.stream()).toList();
    }
}
