package org.skyfleet.fleet.search;

import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * A piece of the probability map a drone can be given to search.
 *
 * @param id "E+2N-1": segment offsets east and north of the one holding the last known point
 * @param area the outline in WGS84 (what the planner is given)
 * @param local the outline in the map's frame, metres
 * @param probability summed POA of its cells (absolute: the map's cells and outside sum to 1)
 * @param areaM2 its area, square metres
 */
public record SearchSegment(String id, GeoPolygon area, Polygon local, double probability, double areaM2) {

    /** Probability per square kilometre: the ranking key (what a square kilometre of search buys). */
    public double densityPerKm2() {
        return probability / (areaM2 / 1e6);
    }
}
