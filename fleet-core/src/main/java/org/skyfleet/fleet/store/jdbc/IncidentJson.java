package org.skyfleet.fleet.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.fleet.incident.SearchState;
import org.skyfleet.fleet.incident.SearchStatus;

/**
 * The JSON text of an incident's nested values: its {@link SearchStatus} and its id sets. Written field
 * by field rather than by reflection, so renaming a Java field cannot silently change stored data.
 * Doubles are written in Java's shortest round-trip form and read back exactly; times as epoch ns.
 */
final class IncidentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IncidentJson() {
    }

    static String search(SearchStatus s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("state", s.state().name());
        if (s.approvalDeadline() != null) {
            n.put("approvalDeadlineNs", Transactions.nanos(s.approvalDeadline(), "approval deadline"));
        }
        ArrayNode assignments = n.putArray("assignments");
        for (SearchAssignment a : s.assignments()) {
            ObjectNode an = assignments.addObject();
            an.put("vehicleId", a.vehicleId());
            an.put("missionId", a.missionId());
            ArrayNode segments = an.putArray("segmentIds");
            a.segmentIds().forEach(segments::add);
            an.put("plannedFlightTimeS", a.plannedFlightTimeS());
            an.put("batteryAtEndPercent", a.batteryAtEndPercent());
        }
        n.put("expectedPos", s.expectedProbabilityOfSuccess());
        n.put("cumulativePos", s.cumulativeProbabilityOfSuccess());
        ArrayNode leftOut = n.putArray("leftOut");
        s.leftOut().forEach(leftOut::add);
        return n.toString();
    }

    static SearchStatus search(String json) {
        JsonNode n = parse(json);
        List<SearchAssignment> assignments = new ArrayList<>();
        for (JsonNode an : n.path("assignments")) {
            assignments.add(new SearchAssignment(text(an, "vehicleId"), text(an, "missionId"), strings(an.path("segmentIds")),
                    an.path("plannedFlightTimeS").asDouble(), an.path("batteryAtEndPercent").asDouble()));
        }
        JsonNode deadline = n.get("approvalDeadlineNs");
        return new SearchStatus(SearchState.valueOf(n.path("state").asText()),
                deadline == null ? null : Transactions.instant(deadline.asLong()), assignments,
                n.path("expectedPos").asDouble(), n.path("cumulativePos").asDouble(), strings(n.path("leftOut")));
    }

    static String ids(Collection<String> ids) {
        ArrayNode a = MAPPER.createArrayNode();
        ids.stream().sorted().forEach(a::add);
        return a.toString();
    }

    static Set<String> idSet(String json) {
        return new LinkedHashSet<>(strings(parse(json)));
    }

    /** A timeline entry's message parameters, in their order, as a JSON object. */
    static String params(java.util.Map<String, String> params) {
        ObjectNode n = MAPPER.createObjectNode();
        params.forEach(n::put);
        return n.toString();
    }

    static java.util.Map<String, String> params(String json) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (json != null) {
            parse(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored incident JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
