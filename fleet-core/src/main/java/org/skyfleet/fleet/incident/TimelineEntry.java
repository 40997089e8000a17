package org.skyfleet.fleet.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened to an incident. The ids say what it concerns; unused ones are empty.
 *
 * @param text  what happened, for a person to read
 * @param actor who did it: an operator, "automation", a unit
 */
public record TimelineEntry(Instant time, TimelineKind kind, String text, String actor, String vehicleId,
                            String trackId, String unitId, String sightingId) {
    public TimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        actor = actor == null ? "" : actor;
        vehicleId = vehicleId == null ? "" : vehicleId;
        trackId = trackId == null ? "" : trackId;
        unitId = unitId == null ? "" : unitId;
        sightingId = sightingId == null ? "" : sightingId;
    }

    public static TimelineEntry of(Instant time, TimelineKind kind, String actor, String text) {
        return new TimelineEntry(time, kind, text, actor, "", "", "", "");
    }

    public TimelineEntry withVehicle(String id) {
        return new TimelineEntry(time, kind, text, actor, id, trackId, unitId, sightingId);
    }

    public TimelineEntry withTrack(String id) {
        return new TimelineEntry(time, kind, text, actor, vehicleId, id, unitId, sightingId);
    }

    public TimelineEntry withUnit(String id) {
        return new TimelineEntry(time, kind, text, actor, vehicleId, trackId, id, sightingId);
    }

    public TimelineEntry withSighting(String id) {
        return new TimelineEntry(time, kind, text, actor, vehicleId, trackId, unitId, id);
    }
}
