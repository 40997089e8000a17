package org.skyfleet.server.automation;

import org.skyfleet.server.grpc.ProtoMapper;
import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.search.SearchSegment;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.Polygon;
import org.skyfleet.proto.v1.SearchMap;

/** A search run as the API shows it: segments with their probability now and at the start. */
final class SearchMapView {
    private SearchMapView() {
    }

    static SearchMap of(SearchRun run, List<SearchSegment> now) {
        Set<String> inHand = Set.copyOf(run.segmentsInHand());
        java.util.Map<String, String> assigned = new java.util.HashMap<>();
        run.sortiesByVehicle.values().forEach(s -> s.segmentIds.stream().filter(inHand::contains)
                .forEach(id -> assigned.putIfAbsent(id, s.vehicleId)));
        SearchMap.Builder b = SearchMap.newBuilder().setIncidentId(run.incidentId)
                .setLastKnownPoint(ProtoMapper.point(run.map.lastKnownPoint()))
                .setProbabilityOutsideMap(run.map.probabilityOutsideMap())
                .setCumulativeProbabilityOfSuccess(run.map.cumulativePos())
                .addRingRadiiM(run.statistics.p25Km() * 1000).addRingRadiiM(run.statistics.p50Km() * 1000)
                .addRingRadiiM(run.statistics.p75Km() * 1000).addRingRadiiM(run.statistics.p95Km() * 1000)
                .setStatisticsSource(run.statistics.source());
        // Probability now is relative to the whole (normalised) map; the initial one is what the statistics gave.
        for (SearchSegment s : now) {
            double initial = run.initialProbabilityBySegment.getOrDefault(s.id(), s.probability());
            double remainingShare = (1 - run.map.cumulativePos()) * s.probability();
            double pod = initial > 0 ? Math.max(0, Math.min(1, 1 - remainingShare / initial)) : 0;
            Polygon.Builder area = Polygon.newBuilder();
            for (GeoPoint p : s.area().outer()) {
                area.addOuter(ProtoMapper.point(p));
            }
            b.addSegments(org.skyfleet.proto.v1.SearchSegment.newBuilder().setSegmentId(s.id()).setArea(area)
                    .setAreaM2(s.areaM2()).setProbability(s.probability()).setInitialProbability(initial)
                    .setProbabilityOfDetection(pod).setAssignedVehicleId(assigned.getOrDefault(s.id(), "")));
        }
        return b.build();
    }
}
