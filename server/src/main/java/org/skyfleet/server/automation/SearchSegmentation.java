package org.skyfleet.server.automation;

import java.util.List;
import java.util.Set;
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

    private SearchSegmentation() {
    }

    /** Every segment of the map, as it stands. */
    public static List<SearchSegment> of(ProbabilityMap map) {
        return SearchSegments.of(map, SEGMENT_SIZE_M);
    }

    /** The segments a re-plan may hand out: all but those a drone is flying or about to fly. */
    public static List<SearchSegment> open(ProbabilityMap map, Set<String> inHand) {
        return of(map).stream().filter(s -> !inHand.contains(s.id())).toList();
    }
}
