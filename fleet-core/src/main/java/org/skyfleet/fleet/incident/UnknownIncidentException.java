package org.skyfleet.fleet.incident;

/** No incident has this id: NOT_FOUND at the API. */
public final class UnknownIncidentException extends RuntimeException {
    public UnknownIncidentException(String incidentId) {
        super("unknown incident '" + incidentId + "'");
    }
}
