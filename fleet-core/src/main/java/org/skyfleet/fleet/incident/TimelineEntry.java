package org.skyfleet.fleet.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened to an incident. The ids say what it concerns; unused ones are empty.
 *
 * @param text   what happened, in English, for a person reading the API or the journal
 * @param actor  who did it: an operator, "automation", a unit
 * @param code   the message a console renders in its own language: the kind's name unless the kind has
 *               several shapes (a NOTE says which, e.g. {@code NOTE_NO_UNIT_AVAILABLE})
 * @param params the message's values by name (ids, percentages, minutes), in the order written
 */
public record TimelineEntry(Instant time, TimelineKind kind, String text, String actor, String vehicleId,
                            String trackId, String unitId, String sightingId, String code, Map<String, String> params) {
    public TimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        actor = actor == null ? "" : actor;
        vehicleId = vehicleId == null ? "" : vehicleId;
        trackId = trackId == null ? "" : trackId;
        unitId = unitId == null ? "" : unitId;
        sightingId = sightingId == null ? "" : sightingId;
        code = code == null || code.isBlank() ? kind.name() : code;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** An entry whose message code is its kind and which has no parameters (entries stored before codes). */
    public TimelineEntry(Instant time, TimelineKind kind, String text, String actor, String vehicleId,
                         String trackId, String unitId, String sightingId) {
        this(time, kind, text, actor, vehicleId, trackId, unitId, sightingId, null, null);
    }

    public static TimelineEntry of(Instant time, TimelineKind kind, String actor, String text) {
        return new TimelineEntry(time, kind, text, actor, "", "", "", "");
    }

    public TimelineEntry withVehicle(String id) {
        return new TimelineEntry(time, kind, text, actor, id, trackId, unitId, sightingId, code, params);
    }

    public TimelineEntry withTrack(String id) {
        return new TimelineEntry(time, kind, text, actor, vehicleId, id, unitId, sightingId, code, params);
    }

    public TimelineEntry withUnit(String id) {
        return new TimelineEntry(time, kind, text, actor, vehicleId, trackId, id, sightingId, code, params);
    }

    public TimelineEntry withSighting(String id) {
        return new TimelineEntry(time, kind, text, actor, vehicleId, trackId, unitId, id, code, params);
    }

    /** This entry with a message code other than its kind's name. */
    public TimelineEntry withCode(String newCode) {
        return new TimelineEntry(time, kind, text, actor, vehicleId, trackId, unitId, sightingId, newCode, params);
    }

    /** This entry with its message's parameters, given as name, value, name, value, ... */
    public TimelineEntry withParams(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come as name, value pairs");
        }
        Map<String, String> p = new LinkedHashMap<>(params);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        return new TimelineEntry(time, kind, text, actor, vehicleId, trackId, unitId, sightingId, code, p);
    }
}
