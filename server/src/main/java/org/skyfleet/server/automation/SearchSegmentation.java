package org.skyfleet.server.automation;

import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.search.CandidateDrone;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SearchSegment;
import org.skyfleet.fleet.search.SearchSegments;

/** How the automation cuts a probability map into segments to hand out, at planning and at each re-plan. */
public final class SearchSegmentation {
    /**
     * Segments about 400 m a side: one drone sweeps one on a pack with its reserve (56 m spacing: about
     * 3 km of track, 11 minutes with transit), so every segment handed out is searched whole.
     */
    public static final double SEGMENT_SIZE_M = 400;
    /** Smaller segments than this would spend a sortie in transit. */
    static final double MIN_SEGMENT_SIZE_M = 150;
    /** Share of a sortie (after the reserve) spent sweeping its segment; the rest is transit, climb and turns. */
    static final double SWEEP_SHARE = 0.5;

    private SearchSegmentation() {
    }

    /** Every segment of the map, as it stands, {@value #SEGMENT_SIZE_M} m a side. */
    public static List<SearchSegment> of(ProbabilityMap map) {
        return of(map, SEGMENT_SIZE_M);
    }

    /** Every segment of the map, as it stands, {@code sideM} a side. */
    public static List<SearchSegment> of(ProbabilityMap map, double sideM) {
        return SearchSegments.of(map, sideM);
    }

    /** The segments a re-plan may hand out: all but those a drone is flying or about to fly. */
    public static List<SearchSegment> open(ProbabilityMap map, Set<String> inHand) {
        return open(map, inHand, SEGMENT_SIZE_M);
    }

    /** As {@link #open(ProbabilityMap, Set)}, segments {@code sideM} a side. */
    public static List<SearchSegment> open(ProbabilityMap map, Set<String> inHand, double sideM) {
        return of(map, sideM).stream().filter(s -> !inHand.contains(s.id())).toList();
    }

    /**
     * The side of segments the drones at hand can each sweep whole: half of the median drone's flight time after
     * the reserve, at its speed over its camera's footprint, is the segment's area; at most
     * {@value #SEGMENT_SIZE_M} m (a 20-minute pack sweeps that), at least {@value #MIN_SEGMENT_SIZE_M} m. Short
     * packs (a 10-minute drone) get smaller segments instead of none at all; a drone that cannot sweep even
     * those is passed over with the reason.
     */
    public static double sideFor(List<CandidateDrone> drones, ReservePolicy reserve) {
        if (drones.isEmpty()) {
            return SEGMENT_SIZE_M;
        }
        List<CandidateDrone> sorted = drones.stream().sorted(java.util.Comparator.comparingDouble(CandidateDrone::usableFlightTimeS)).toList();
        CandidateDrone median = sorted.get((sorted.size() - 1) / 2);
        double sweepS = SWEEP_SHARE * Math.max(0, median.usableFlightTimeS() - reserve.reserveS(median.usableFlightTimeS()));
        double side = Math.sqrt(sweepS * median.cruiseSpeedMps() * median.camera().footprintWidthM());
        return Math.max(MIN_SEGMENT_SIZE_M, Math.min(SEGMENT_SIZE_M, Math.floor(side / 10) * 10));
    }
}
