package org.skyfleet.fleet.search;

import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * A drone that could join the search.
 *
 * @param id vehicle id
 * @param position where it is now; it takes off from and returns here
 * @param usableFlightTimeS flight time on its remaining charge, seconds; the allocator's reserve is kept back
 *     from it
 * @param cruiseSpeedMps cruise speed, metres per second, above 0
 * @param camera its camera as flown for the search; the sweep width is the track spacing
 * @param effectiveSweepWidthM W for this camera, the subject and the terrain (sweep-width tables), metres
 */
public record CandidateDrone(String id, GeoPoint position, double usableFlightTimeS, double cruiseSpeedMps,
                             CameraModel camera, double effectiveSweepWidthM) {}
