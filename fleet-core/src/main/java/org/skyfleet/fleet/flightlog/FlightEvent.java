package org.skyfleet.fleet.flightlog;

import java.time.Instant;

/**
 * Something that happened in a flight: a link loss, a geofence breach, a failsafe, low battery.
 *
 * @param at      when the server learnt it
 * @param kind    the vehicle event's kind, e.g. "LINK_LOST", "GEOFENCE_BREACH", "FAILSAFE"
 * @param message what it said
 */
public record FlightEvent(Instant at, String kind, String message) {
}
