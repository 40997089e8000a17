package org.skyfleet.fleet.flightlog;

import java.time.Instant;

/** Where a vehicle was in a flight: WGS-84 degrees, metres above home; its time is stored to the millisecond. */
public record TrackPoint(Instant at, double latDeg, double lonDeg, double altRelM) {
}
