package org.skyfleet.fleet.response;

import java.time.Instant;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Whether the sun is up at a place and time, from its elevation (the NOAA low-precision solar position:
 * declination and equation of time from the day of the year, good to about a tenth of a degree, far more than
 * "is it dark" needs). Night is the sun below -0.833 degrees, the standard sunset (refraction and the
 * sun's radius included).
 */
public final class Daylight {
    static final double SUNSET_ELEVATION_DEG = -0.833;

    private Daylight() {
    }

    public static boolean isNight(GeoPoint at, Instant when) {
        return sunElevationDeg(at, when) < SUNSET_ELEVATION_DEG;
    }

    /** The sun's elevation above the horizon, degrees. */
    public static double sunElevationDeg(GeoPoint at, Instant when) {
        double days = when.getEpochSecond() / 86_400.0;
        double dayOfYear = days - 365.2425 * Math.floor(days / 365.2425);
        double hourUtc = (days - Math.floor(days)) * 24;
        // fractional year, radians
        double g = 2 * Math.PI / 365 * (dayOfYear + (hourUtc - 12) / 24);
        double eqTimeMin = 229.18 * (0.000075 + 0.001868 * Math.cos(g) - 0.032077 * Math.sin(g)
                - 0.014615 * Math.cos(2 * g) - 0.040849 * Math.sin(2 * g));
        double decl = 0.006918 - 0.399912 * Math.cos(g) + 0.070257 * Math.sin(g) - 0.006758 * Math.cos(2 * g)
                + 0.000907 * Math.sin(2 * g) - 0.002697 * Math.cos(3 * g) + 0.00148 * Math.sin(3 * g);
        double trueSolarMin = hourUtc * 60 + eqTimeMin + 4 * at.lonDeg();
        double hourAngle = Math.toRadians(trueSolarMin / 4 - 180);
        double lat = Math.toRadians(at.latDeg());
        double cosZenith = Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
        return 90 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZenith))));
    }
}
