package org.skyfleet.fleet.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.mission.MissionTransition;

/**
 * A mission's items and transitions as JSON text, field by field. Item parameters are floats on the
 * wire; they are written as floats widened to double and narrowed back exactly, so the content hash of
 * a reloaded mission is the one that was approved. NaN parameters (an unset yaw) are written as the
 * string "NaN".
 */
final class MissionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MissionJson() {
    }

    static String items(List<MissionItem> items) {
        ArrayNode a = MAPPER.createArrayNode();
        for (MissionItem i : items) {
            ArrayNode n = a.addArray();
            n.add(i.frame()).add(i.command());
            addFloat(n, i.param1());
            addFloat(n, i.param2());
            addFloat(n, i.param3());
            addFloat(n, i.param4());
            n.add(i.xDegE7()).add(i.yDegE7());
            addFloat(n, i.zM());
            n.add(i.autocontinue());
        }
        return a.toString();
    }

    static List<MissionItem> items(String json, String missionId) {
        List<MissionItem> out = new ArrayList<>();
        for (JsonNode n : parse(json, missionId)) {
            out.add(new MissionItem(n.get(0).intValue(), n.get(1).intValue(), readFloat(n.get(2)), readFloat(n.get(3)),
                    readFloat(n.get(4)), readFloat(n.get(5)), n.get(6).intValue(), n.get(7).intValue(),
                    readFloat(n.get(8)), n.get(9).booleanValue()));
        }
        return out;
    }

    static String transitions(List<MissionTransition> transitions, String missionId) {
        ArrayNode a = MAPPER.createArrayNode();
        for (MissionTransition t : transitions) {
            ObjectNode n = a.addObject();
            n.put("from", t.from().name());
            n.put("to", t.to().name());
            n.put("timeNs", Transactions.nanos(t.time(), "mission " + missionId + " transition time"));
            n.put("actor", t.actor());
            n.put("reason", t.reason());
        }
        return a.toString();
    }

    static List<MissionTransition> transitions(String json, String missionId) {
        List<MissionTransition> out = new ArrayList<>();
        for (JsonNode n : parse(json, missionId)) {
            out.add(new MissionTransition(MissionState.valueOf(n.get("from").asText()), MissionState.valueOf(n.get("to").asText()),
                    Transactions.instant(n.get("timeNs").longValue()), n.get("actor").asText(), n.get("reason").asText()));
        }
        return out;
    }

    private static JsonNode parse(String json, String missionId) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored mission " + missionId + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void addFloat(ArrayNode n, float v) {
        if (Float.isFinite(v)) {
            n.add((double) v);
        } else {
            n.add(Float.toString(v));
        }
    }

    private static float readFloat(JsonNode n) {
        return n.isTextual() ? Float.parseFloat(n.asText()) : (float) n.doubleValue();
    }
}
