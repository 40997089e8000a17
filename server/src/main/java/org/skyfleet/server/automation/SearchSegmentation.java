package org.skyfleet.server.automation;

import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.search.CandidateDrone;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SearchSegment;
import org.skyfleet.fleet.search.SearchAllocator;
import org.skyfleet.fleet.search.SearchSegments;
import org.skyfleet.fleet.search.SortieAllocator;

/** How the automation cuts a probability map into segments to hand out, at planning and at each re-plan. */
public final class SearchSegmentation {
    /**
     * Segments about 400 m a side: one drone sweeps one on a pack with its reserve (56 m spacing: about
     * 3 km of track, 11 minutes with transit), so every segment handed out is searched whole.
     */
    public static final double SEGMENT_SIZE_M = 400;

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
     * The side of segments the drones at hand can each sweep whole: the largest the median drone sweeps (climb,
     * tracks and turns, as the allocator counts them) in its flight time after the reserve, in whole odd numbers
     * of the map's cells (segments are built so); never larger than {@value #SEGMENT_SIZE_M} m gives, never
     * smaller than one cell. A 20-minute pack keeps the usual segments; a 10-minute drone gets smaller ones it
     * can finish instead of none at all; one that cannot sweep even those is passed over with the reason.
     */
    public static double sideFor(List<CandidateDrone> drones, ReservePolicy reserve, double cellSizeM) {
        int kMax = oddCells(SEGMENT_SIZE_M, cellSizeM);
        if (drones.isEmpty()) {
            return SEGMENT_SIZE_M;
        }
        List<CandidateDrone> sorted = drones.stream().sorted(java.util.Comparator.comparingDouble(CandidateDrone::usableFlightTimeS)).toList();
        CandidateDrone d = sorted.get((sorted.size() - 1) / 2);
        double budgetS = d.usableFlightTimeS() - reserve.reserveS(d.usableFlightTimeS())
                - 2 * d.camera().altitudeAglM() / SearchAllocator.DEFAULT_CLIMB_RATE_MPS;
        int k = kMax;
        while (k > 1) {
            double side = k * cellSizeM;
            if (SearchAllocator.sweepS(side * side, d.camera().sweepWidthM(), d.cruiseSpeedMps()) <= budgetS) {
                break;
            }
            k -= 2;
        }
        return k == kMax ? SEGMENT_SIZE_M : k * cellSizeM;
    }

    /**
     * The side of the segments a sortie chains ({@link SortieAllocator}), for the live search and the search
     * benchmark alike: {@link SortieAllocator#DEFAULT_SEGMENT_SIDE_M}, or smaller when the drones at hand could not
     * sweep even one ({@link #sideFor}).
     */
    public static double sortieSideFor(List<CandidateDrone> drones, ReservePolicy reserve, double cellSizeM) {
        return Math.min(oddCells(SortieAllocator.DEFAULT_SEGMENT_SIDE_M, cellSizeM) * cellSizeM, sideFor(drones, reserve, cellSizeM));
    }

    /** The odd number of cells SearchSegments makes a segment of {@code sideM}. */
    private static int oddCells(double sideM, double cellSizeM) {
        return 2 * (int) Math.max(0, Math.round((sideM / cellSizeM - 1) / 2)) + 1;
    }
}
