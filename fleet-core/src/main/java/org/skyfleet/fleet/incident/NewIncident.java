package org.skyfleet.fleet.incident;

import java.time.Instant;
import java.util.Objects;
import org.skyfleet.planner.geo.GeoPoint;

/** A call as it comes in, checked by {@link IncidentBook#create}. */
public record NewIncident(String externalId, IncidentType type, IncidentPriority priority, GeoPoint location,
                          String subjectDescription, MissingPerson missingPerson, Instant reportedAt) {
    public static final int MAX_DESCRIPTION_CHARS = 4000;
    public static final int MAX_EXTERNAL_ID_CHARS = 200;

    public NewIncident {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(location, "location");
        externalId = externalId == null ? "" : externalId.strip();
        subjectDescription = subjectDescription == null ? "" : subjectDescription.strip();
    }
}
