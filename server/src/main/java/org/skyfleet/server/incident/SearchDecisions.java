package org.skyfleet.server.incident;

import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.proto.v1.SearchMap;

/** What a person decides about an automated search, and what it looks like. */
public interface SearchDecisions {
    /** Lets the proposed search fly. FAILED_PRECONDITION when none waits. */
    Incident approve(Operator caller, String incidentId, String reason);

    /** Declines it. FAILED_PRECONDITION when none waits. */
    Incident reject(Operator caller, String incidentId, String reason);

    /** The search's probability map by segment. NOT_FOUND when the incident has none. */
    SearchMap map(String incidentId);
}
