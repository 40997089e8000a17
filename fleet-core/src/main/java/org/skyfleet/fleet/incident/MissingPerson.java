package org.skyfleet.fleet.incident;

import java.time.Instant;
import java.util.Objects;
import org.skyfleet.fleet.search.SubjectCategory;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * What the search is planned from.
 *
 * @param lastKnownPoint where the subject was last seen for sure
 * @param lastSeen       when
 * @param category       the lost-person behaviour category whose statistics apply
 * @param ageYears       0 when unknown
 */
public record MissingPerson(GeoPoint lastKnownPoint, Instant lastSeen, SubjectCategory category, int ageYears) {
    public MissingPerson {
        Objects.requireNonNull(lastKnownPoint, "lastKnownPoint");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(category, "category");
    }
}
