package org.skyfleet.server.automation;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.skyfleet.fleet.search.CameraFootprints;
import org.skyfleet.fleet.search.FlownSample;
import org.skyfleet.fleet.search.ProbabilityMap;

/**
 * What one drone's flight since the last update teaches the search map: the ground its camera swept,
 * applied as search effort with the profile's effective sweep width. Used by the automation every 5 s and by
 * the search benchmark, so both learn the same from the same flight.
 */
public final class SearchEffort {
    private SearchEffort() {
    }

    /**
     * Applies {@code samples} to {@code map} and leaves only the last sample in the list, so the swept track
     * stays joined at the next update. Fewer than two samples, or a track that swept nothing (every sample
     * below search height), leave the map as it was.
     *
     * @return the map with the effort applied, or {@code map} itself when nothing was swept
     * @throws IllegalStateException if the map refuses the effort (it would leave no probability anywhere); the
     *                               samples are consumed all the same
     */
    public static ProbabilityMap apply(ProbabilityMap map, List<FlownSample> samples, SearchProfile profile) {
        if (samples.size() < 2) {
            return map;
        }
        Geometry swept = CameraFootprints.swept(samples, profile.halfFovDeg(), map.frame());
        FlownSample last = samples.get(samples.size() - 1);
        samples.clear();
        samples.add(last);
        if (swept.isEmpty()) {
            return map;
        }
        return map.applySearchEffort(swept, profile.effectiveSweepWidthM(), profile.camera().footprintWidthM());
    }
}
