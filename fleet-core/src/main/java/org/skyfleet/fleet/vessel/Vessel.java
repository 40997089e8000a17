package org.skyfleet.fleet.vessel;

import java.time.Duration;
import java.time.Instant;

/**
 * What is known of one vessel now. Fields never reported are empty strings, -1 or NaN.
 *
 * @param mmsi          Maritime Mobile Service Identity
 * @param name          as the vessel broadcasts it (AIS), else as the port fleet registers it
 * @param shipType      ITU ship and cargo type 0..99 (30 fishing), -1 unknown
 * @param latDeg        WGS-84, NaN until a position is heard
 * @param lonDeg        WGS-84, NaN until a position is heard
 * @param speedMps      speed over ground, metres per second, NaN unknown
 * @param courseDeg     course over ground, degrees clockwise from true north, NaN unknown
 * @param headingDeg    true heading 0..359, -1 unknown
 * @param navStatus     ITU navigational status 0..15 (15: not defined)
 * @param positionTime  when the last position was received, null before the first
 * @param lastHeard     when anything was last received from it
 * @param fleet         its entry in the port's own fleet, null if it is not one of them
 * @param version       increases with every change, from 1
 */
public record Vessel(long mmsi, String name, String callSign, int shipType, long imo, String destination,
                     double latDeg, double lonDeg, double speedMps, double courseDeg, int headingDeg, int navStatus,
                     Instant positionTime, Instant lastHeard, PortFleetEntry fleet, long version) {
    /** ITU ship type of fishing vessels. */
    public static final int SHIP_TYPE_FISHING = 30;
    /** ITU navigational status "engaged in fishing". */
    public static final int NAV_STATUS_FISHING = 7;
    public static final int NAV_STATUS_NOT_DEFINED = 15;

    /** A vessel of which nothing but its MMSI is known yet. */
    static Vessel unknown(long mmsi, PortFleetEntry fleet, Instant at) {
        return new Vessel(mmsi, fleet == null ? "" : fleet.name(), "", -1, 0, "", Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, -1, NAV_STATUS_NOT_DEFINED, null, at, fleet, 0);
    }

    public boolean hasPosition() {
        return positionTime != null;
    }

    /** A fishing vessel: its broadcast ship type says so, or it is fishing now. */
    public boolean isFishing() {
        return shipType == SHIP_TYPE_FISHING || navStatus == NAV_STATUS_FISHING;
    }

    /** Time since anything was heard from it. */
    public Duration lastHeardAge(Instant now) {
        return Duration.between(lastHeard, now);
    }
}
