package org.skyfleet.fleet.geofence;

/**
 * A zone a position breaks, and how.
 *
 * @param zone   the zone
 * @param reason how it is broken
 */
public record ZoneBreach(Zone zone, BreachReason reason) {

    /** A sentence for a person: "inside no-fly zone 'Stadium' (z7)". */
    public String describe() {
        return describe(zone, reason);
    }

    static String describe(Zone zone, BreachReason reason) {
        return reason.phrase() + " '" + zone.name() + "' (" + zone.id() + ")";
    }
}
