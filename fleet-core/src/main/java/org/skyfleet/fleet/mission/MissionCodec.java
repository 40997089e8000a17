package org.skyfleet.fleet.mission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionItem;

/**
 * A mission as JSON text, field by field (whole, or its items and transitions for a table's columns). Item parameters are floats on the
 * wire; they are written as floats widened to double and narrowed back exactly, so the content hash of
 * a reloaded mission is the one that was approved. NaN parameters (an unset yaw) are written as the
 * string "NaN".
 */
public final class MissionCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MissionCodec() {
    }

    public static String items(List<MissionItem> items) {
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

    public static List<MissionItem> items(String json, String missionId) {
        List<MissionItem> out = new ArrayList<>();
        for (JsonNode n : parse(json, missionId)) {
            out.add(new MissionItem(n.get(0).intValue(), n.get(1).intValue(), readFloat(n.get(2)), readFloat(n.get(3)),
                    readFloat(n.get(4)), readFloat(n.get(5)), n.get(6).intValue(), n.get(7).intValue(),
                    readFloat(n.get(8)), n.get(9).booleanValue()));
        }
        return out;
    }

    public static String transitions(List<MissionTransition> transitions, String missionId) {
        ArrayNode a = MAPPER.createArrayNode();
        for (MissionTransition t : transitions) {
            ObjectNode n = a.addObject();
            n.put("from", t.from().name());
            n.put("to", t.to().name());
            n.put("timeNs", epochNanos(t.time()));
            n.put("actor", t.actor());
            n.put("reason", t.reason());
        }
        return a.toString();
    }

    public static List<MissionTransition> transitions(String json, String missionId) {
        List<MissionTransition> out = new ArrayList<>();
        for (JsonNode n : parse(json, missionId)) {
            out.add(new MissionTransition(MissionState.valueOf(n.get("from").asText()), MissionState.valueOf(n.get("to").asText()),
                    Instant.ofEpochSecond(0, n.get("timeNs").longValue()), n.get("actor").asText(), n.get("reason").asText()));
        }
        return out;
    }

    /** The whole mission: what another node needs to carry it on. */
    public static String mission(Mission m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("missionId", m.missionId());
        n.put("vehicleId", m.vehicleId());
        n.put("contentHash", m.contentHash().sha256Hex());
        n.put("cruiseSpeedMps", m.cruiseSpeedMps());
        n.put("state", m.state().name());
        n.put("currentSeq", m.currentSeq());
        n.put("reachedSeq", m.reachedSeq());
        n.set("items", parse(items(m.items()), m.missionId()));
        n.set("transitions", parse(transitions(m.transitions(), m.missionId()), m.missionId()));
        return n.toString();
    }

    public static Mission mission(String json) {
        JsonNode n = parse(json, "(whole)");
        String id = n.get("missionId").asText();
        return new Mission(id, n.get("vehicleId").asText(), items(n.get("items").toString(), id),
                new MissionContentHash(n.get("contentHash").asText()), n.get("cruiseSpeedMps").doubleValue(),
                MissionState.valueOf(n.get("state").asText()), transitions(n.get("transitions").toString(), id),
                n.get("currentSeq").intValue(), n.get("reachedSeq").intValue());
    }

    /** Exact for 1677..2262, like the store's columns. */
    private static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
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
