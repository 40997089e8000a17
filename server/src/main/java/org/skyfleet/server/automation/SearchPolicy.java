package org.skyfleet.server.automation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;

/**
 * Whether a search launches by itself or waits for a pilot, per incident type and priority, and how long
 * a wait lasts before it is escalated to the commander.
 *
 * <p>Default: a missing person at P1 or P2 launches at once (minutes matter for a vulnerable person
 * outdoors at night); everything else waits for approval.
 */
public record SearchPolicy(Map<IncidentType, Map<IncidentPriority, Boolean>> automatic, Duration approvalTimeout) {

    public static SearchPolicy defaults() {
        Map<IncidentType, Map<IncidentPriority, Boolean>> auto = new EnumMap<>(IncidentType.class);
        auto.put(IncidentType.MISSING_PERSON, new EnumMap<>(Map.of(IncidentPriority.P1, true, IncidentPriority.P2, true,
                IncidentPriority.P3, false)));
        return new SearchPolicy(auto, Duration.ofMinutes(2));
    }

    /** Every search waits for a person. */
    public static SearchPolicy alwaysAsk(Duration approvalTimeout) {
        return new SearchPolicy(Map.of(), approvalTimeout);
    }

    public boolean launchesAutomatically(IncidentType type, IncidentPriority priority) {
        return automatic.getOrDefault(type, Map.of()).getOrDefault(priority, false);
    }
}
