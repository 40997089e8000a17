package org.skyfleet.fleet.incident;

/** No incident has this id: NOT_FOUND at the API. */
public final class UnknownIncidentException extends java.util.NoSuchElementException {
    public UnknownIncidentException(String incidentId) {
        super("unknown incident '" + incidentId + "'");
    }
}
