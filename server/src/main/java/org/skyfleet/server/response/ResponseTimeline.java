package org.skyfleet.server.response;

import java.time.InstantSource;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;

/**
 * Writes the response's steps on the incident's timeline (a code and its parameters, rendered by the console in
 * its language; the English text for the API) and in the audit journal.
 */
final class ResponseTimeline {
    /**
     * The codes of a refused call ({@link org.skyfleet.fleet.response.Refusal#code()}, one per rule), written out so
     * the console's catalogue is checked for each.
     */
    static final java.util.List<String> REFUSAL_CODES = java.util.List.of("NOTE_RESPONSE_REFUSED_NO_FLY_ZONE",
            "NOTE_RESPONSE_REFUSED_NO_ROUTE", "NOTE_RESPONSE_REFUSED_OUT_OF_RANGE", "NOTE_RESPONSE_REFUSED_BATTERY",
            "NOTE_RESPONSE_REFUSED_WIND", "NOTE_RESPONSE_REFUSED_NIGHT_NO_THERMAL", "NOTE_RESPONSE_REFUSED_NO_DRONE");

    private final IncidentBook incidents;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final Operator operator;

    ResponseTimeline(IncidentBook incidents, AuditJournal audit, InstantSource clock, Operator operator) {
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.operator = operator;
    }

    /**
     * @param vehicleId the drone it concerns, empty if none
     * @param params    name, value pairs
     */
    void write(String incidentId, TimelineKind kind, String code, String vehicleId, String text, Object... params) {
        if (incidents.find(incidentId).isEmpty()) {
            return;
        }
        incidents.record(incidentId, TimelineEntry.of(clock.instant(), kind, operator.subject(), text).withCode(code)
                .withParams(params).withVehicle(vehicleId));
        audit.append(operator.toString(), "response " + code.toLowerCase(java.util.Locale.ROOT), vehicleId,
                incidentId + ": " + text, code);
    }
}
