package org.skyfleet.server.automation;

import org.skyfleet.fleet.search.CandidateDrone;
import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * How drones fly a search: the camera and altitude, what the camera can be relied on to detect, the
 * cruise speed, and what a full battery gives.
 *
 * @param camera               flown at its altitude above ground; its sweep width is the track spacing
 * @param effectiveSweepWidthM W: the width within which a person is detected as often as missed outside it
 *                             (sweep-width tables; less than the footprint under canopy)
 * @param cruiseSpeedMps       search speed over the ground
 * @param fullBatteryFlightS   flight time on a full battery, seconds
 * @param minLaunchPercent     a drone with less charge is not sent
 * @param orbitRadiusM         the circle flown over a found subject
 * @param handoverPercent      an orbiting drone at or below this is relieved by another
 */
public record SearchProfile(CameraModel camera, double effectiveSweepWidthM, double cruiseSpeedMps, double fullBatteryFlightS,
                            double minLaunchPercent, double orbitRadiusM, double handoverPercent) {

    /**
     * A thermal quadcopter at 60 m: a 50° lens (a 640 px core behind a 13 mm lens) images 56 m across;
     * W is taken as 60 % of that for a person under mixed woodland canopy. 1,200 s of search flight on a
     * full pack at 8 m/s: a 25-minute hover endurance less what wind and manoeuvring take. The orbit over a found subject (20 m) keeps them inside the footprint's half-width.
     */
    public static SearchProfile defaults() {
        CameraModel camera = new CameraModel(50, 60, 10);
        return new SearchProfile(camera, 0.6 * camera.footprintWidthM(), 8, 1200, 40, 20, 35);
    }

    public double halfFovDeg() {
        return camera.hFovDeg() / 2;
    }

    /**
     * A drone as the allocator sizes its sortie: the flight time its charge gives (full-battery flight time ×
     * battery % / 100), flown at this profile's speed, camera and sweep width. The automation and the search
     * benchmark size sorties the same way.
     */
    public CandidateDrone candidate(String droneId, GeoPoint at, double batteryPercent) {
        return new CandidateDrone(droneId, at, fullBatteryFlightS * batteryPercent / 100, cruiseSpeedMps, camera,
                effectiveSweepWidthM);
    }

    /**
     * A drone whose aircraft the server knows: the flight time it may count on now (its profile, its learned
     * consumption, its charge), at this profile's search speed unless its airframe cruises slower.
     */
    public CandidateDrone candidate(String droneId, GeoPoint at, org.skyfleet.fleet.airframe.Endurance known) {
        double speed = known.cruiseSpeedMps() > 0 ? Math.min(cruiseSpeedMps, known.cruiseSpeedMps()) : cruiseSpeedMps;
        return new CandidateDrone(droneId, at, known.availableS(), speed, camera, effectiveSweepWidthM);
    }
}
