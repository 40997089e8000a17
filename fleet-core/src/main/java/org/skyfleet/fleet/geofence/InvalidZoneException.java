package org.skyfleet.fleet.geofence;

import java.util.List;
import java.util.stream.Collectors;

/** A zone broke one or more {@link ZoneRule}s; the message lists every violation. */
public final class InvalidZoneException extends RuntimeException {
    private final transient List<ZoneViolation> violations;

    public InvalidZoneException(List<ZoneViolation> violations) {
        super(violations.stream().map(ZoneViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<ZoneViolation> violations() {
        return violations;
    }
}
