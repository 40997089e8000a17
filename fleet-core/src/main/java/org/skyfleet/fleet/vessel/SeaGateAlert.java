package org.skyfleet.fleet.vessel;

import java.time.Instant;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Something a vessel did that the sea gate's rules do not allow.
 *
 * @param alertId    unique, e.g. "sga-12"
 * @param zoneId     the zone the rule concerns; empty for going dark
 * @param lastSeen   the vessel's last reported position
 * @param predicted  where it should be by dead reckoning when the alert was raised
 * @param detail     what happened, for people (English; the console words it in its own language by kind)
 */
public record SeaGateAlert(String alertId, Kind kind, long mmsi, String vesselName, String zoneId, Instant raisedAt,
                           GeoPoint lastSeen, GeoPoint predicted, String detail) {
    /** Which rule raised it. */
    public enum Kind {
        /** Crossed out of a sea-gate zone while its schedule (the permitted hours) was not active. */
        LEFT_OUTSIDE_HOURS,
        /** Crossed into a sea-gate zone while its schedule was not active. */
        ENTERED_OUTSIDE_HOURS,
        /** Under way outside port, then silent for longer than the dark limit. */
        WENT_DARK,
        /** In a vessel-exclusion zone for longer than the loitering limit. */
        LOITERING
    }
}
