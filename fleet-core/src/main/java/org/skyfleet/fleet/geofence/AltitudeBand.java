package org.skyfleet.fleet.geofence;

import java.util.Objects;

/**
 * The altitudes a zone applies to, {@code floorM <= alt <= ceilingM}, both ends included.
 *
 * <p>An altitude the band's reference cannot be measured in (an AMSL band and no AMSL altitude, given
 * as NaN) counts as inside the band: an exclusion then applies at every height, which is the safe
 * reading for a no-fly zone.
 *
 * @param floorM    lowest altitude, metres; {@code -Infinity} for "from the ground"
 * @param ceilingM  highest altitude, metres; {@code +Infinity} for "no ceiling"
 * @param reference what both are measured from
 */
public record AltitudeBand(double floorM, double ceilingM, AltitudeReference reference) {

    public AltitudeBand {
        Objects.requireNonNull(reference, "reference");
    }

    /** From the ground to any height. */
    public static AltitudeBand unlimited() {
        return new AltitudeBand(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                AltitudeReference.ABOVE_GROUND_RELATIVE_TO_HOME);
    }

    /** Metres above home, {@code floorM..ceilingM}. */
    public static AltitudeBand relative(double floorM, double ceilingM) {
        return new AltitudeBand(floorM, ceilingM, AltitudeReference.ABOVE_GROUND_RELATIVE_TO_HOME);
    }

    /** Metres above mean sea level, {@code floorM..ceilingM}. */
    public static AltitudeBand amsl(double floorM, double ceilingM) {
        return new AltitudeBand(floorM, ceilingM, AltitudeReference.AMSL);
    }

    /** The altitude this band is measured in, picked from the two the vehicle reports. */
    public double select(double altRelM, double altAmslM) {
        return reference == AltitudeReference.AMSL ? altAmslM : altRelM;
    }

    /** Where {@code altM} (in this band's reference) lies; NaN is {@link Position#WITHIN}. */
    public Position locate(double altM) {
        if (altM > ceilingM) {
            return Position.ABOVE;
        }
        if (altM < floorM) {
            return Position.BELOW;
        }
        return Position.WITHIN;
    }

    /**
     * The part of the straight climb or descent from {@code altStartM} (s = 0) to {@code altEndM} (s = 1)
     * that lies in the band, as {@code {sFrom, sTo}} within 0..1, or {@code null} when none does.
     */
    public double[] intervalAlong(double altStartM, double altEndM) {
        if (Double.isNaN(altStartM) || Double.isNaN(altEndM)) {
            return new double[] {0, 1};
        }
        double d = altEndM - altStartM;
        if (d == 0) {
            return locate(altStartM) == Position.WITHIN ? new double[] {0, 1} : null;
        }
        double s1 = (floorM - altStartM) / d;
        double s2 = (ceilingM - altStartM) / d;
        double from = Math.max(0, Math.min(s1, s2));
        double to = Math.min(1, Math.max(s1, s2));
        return from <= to ? new double[] {from, to} : null;
    }

    /** Where an altitude lies against a band. */
    public enum Position { BELOW, WITHIN, ABOVE }
}
