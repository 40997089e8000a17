package org.skyfleet.fleet.geofence;

/**
 * One broken validation rule.
 *
 * @param rule    the rule's name, e.g. {@code FLOOR_BELOW_CEILING}
 * @param zoneId  the zone it was found in
 * @param message what is wrong and what to change, for a person
 */
public record ZoneViolation(String rule, String zoneId, String message) {

    @Override
    public String toString() {
        return rule + " (zone " + zoneId + "): " + message;
    }
}
