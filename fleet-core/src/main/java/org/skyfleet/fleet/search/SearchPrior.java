package org.skyfleet.fleet.search;

import java.util.function.Function;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * The map a search starts from, the same for the live server and the search benchmark: the category's distance
 * distribution around the last known point, limited to how far the subject can have walked since he was last
 * seen, with the terrain's roads and paths attracting probability and water repelling it.
 *
 * <p>Steps: reach R = walking speed · time since last seen ({@link #reachM}); the map of the distribution
 * conditioned on r ≤ R ({@link ProbabilityMap#around(GeoPoint, DistanceQuantiles, double)}); then the features
 * ({@link MapFeatures#applyTo}) with the category's share on roads ({@link #shareOnRoads}). Later the caller
 * diffuses it with the same {@link SubjectMobility} and applies every footprint flown.
 *
 * <p>Degenerate cases: an unknown time since last seen (NaN or infinite) limits nothing; a stationary subject
 * (speed 0), or one seen a moment ago, is within the last known point's cell.
 */
public final class SearchPrior {
    private SearchPrior() {
    }

    /**
     * @param sinceLastSeenS seconds from last seen to the time the map is for; NaN or infinite when unknown
     * @param features the terrain in the map's frame (roads, water); {@code f -> MapFeatures.none()} for none
     */
    public static ProbabilityMap of(GeoPoint lkp, DistanceQuantiles q, SubjectCategory category, SubjectMobility mobility,
                                    double sinceLastSeenS, Function<LocalFrame, MapFeatures> features) {
        ProbabilityMap map = ProbabilityMap.around(lkp, q, reachM(mobility, sinceLastSeenS));
        return features.apply(map.frame()).applyTo(map, shareOnRoads(category));
    }

    /**
     * How far the subject can be, metres: speed · time since last seen (walking straight all the time: an upper
     * bound); infinite when the time is unknown.
     */
    public static double reachM(SubjectMobility mobility, double sinceLastSeenS) {
        if (!Double.isFinite(sinceLastSeenS)) {
            return Double.POSITIVE_INFINITY;
        }
        return mobility.speedMps() * Math.max(0, sinceLastSeenS);
    }

    /**
     * Share of the category's subjects found on a road or path: {@link MapFeatures#DEMENTIA_SHARE_ON_ROADS} for
     * dementia (Grampian 2007); 0 for the others, whose share no verified source gives (roads then do not attract).
     */
    public static double shareOnRoads(SubjectCategory category) {
        return category == SubjectCategory.DEMENTIA ? MapFeatures.DEMENTIA_SHARE_ON_ROADS : 0;
    }
}
