package org.skyfleet.telemetry.ais;

/**
 * A position report (types 1, 2, 3 class A; 18, 19 class B) in SkyFleet's units. Fields the sender marked
 * "not available" are {@code NaN} (or -1 for the heading).
 *
 * @param navStatus  ITU navigational status 0..15 (0 under way using engine, 1 at anchor, 5 moored, 7 engaged
 *                   in fishing, 15 not defined; class B reports carry none and give 15)
 * @param latDeg     WGS-84, -90..90
 * @param lonDeg     WGS-84, -180..180
 * @param speedMps   speed over ground, metres per second (AIS sends tenths of a knot)
 * @param courseDeg  course over ground, 0..360 clockwise from true north
 * @param headingDeg true heading 0..359, -1 when not available
 */
public record AisPositionReport(int messageType, long mmsi, int navStatus, double latDeg, double lonDeg,
                                double speedMps, double courseDeg, int headingDeg) implements AisMessage {
    public static final int NAV_STATUS_NOT_DEFINED = 15;

    /** Whether the report holds a position (a transponder without a fix sends 91/181). */
    public boolean hasPosition() {
        return !Double.isNaN(latDeg) && !Double.isNaN(lonDeg);
    }
}
