package org.skyfleet.server.automation;

import org.skyfleet.planner.coverage.CameraModel;

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
     * A thermal quadcopter at 60 m: a 57° lens sweeps 65 m; W is taken as 60 % of the footprint for a
     * person under mixed woodland canopy at night. 1,500 s flight on a full pack at 8 m/s.
     */
    public static SearchProfile defaults() {
        CameraModel camera = new CameraModel(57, 60, 10);
        return new SearchProfile(camera, 0.6 * camera.footprintWidthM(), 8, 1500, 40, 30, 35);
    }

    public double halfFovDeg() {
        return camera.hFovDeg() / 2;
    }
}
