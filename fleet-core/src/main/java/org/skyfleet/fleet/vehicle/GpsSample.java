package org.skyfleet.fleet.vehicle;

import java.time.Instant;

/**
 * Raw GNSS receiver status.
 *
 * @param fix               fix quality
 * @param satellitesVisible satellites in view, 0 if unknown
 * @param hdop              horizontal dilution of precision, NaN if unknown
 * @param receivedAt        when the server received it
 */
public record GpsSample(GpsFix fix, int satellitesVisible, double hdop, Instant receivedAt) {
}
