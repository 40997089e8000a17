package org.skyfleet.fleet.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * One crossing of a gate's outline.
 *
 * @param gateId     the gate zone's id
 * @param kind       what crossed
 * @param subjectId  its id: a unit id, vehicle id, track id or MMSI
 * @param direction  in or out
 * @param time       when the position that showed it was taken
 * @param latDeg     WGS84 latitude of that position, -90..90
 * @param lonDeg     WGS84 longitude of that position, -180..180
 */
public record GateCrossing(String gateId, SubjectKind kind, String subjectId, CrossingDirection direction, Instant time,
                           double latDeg, double lonDeg) {
    public GateCrossing {
        Objects.requireNonNull(gateId, "gateId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(time, "time");
    }
}
