package org.skyfleet.cluster.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionResult;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.command.TransferStatus;
import org.skyfleet.fleet.mission.MissionCodec;

/**
 * A mission transfer relayed to the node that owns the vehicle's link, and its outcome, as JSON (items as
 * the mission board writes them, floats exact).
 */
final class TransferRelayCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What to do: upload, download or clear. */
    enum Operation { UPLOAD, DOWNLOAD, CLEAR }

    record Request(Operation operation, String vehicleId, MissionType type, List<MissionItem> items) {
    }

    private TransferRelayCodec() {
    }

    static byte[] request(Request r) {
        ObjectNode n = MAPPER.createObjectNode().put("op", r.operation().name()).put("vehicle", r.vehicleId())
                .put("type", r.type().name()).put("items", MissionCodec.items(r.items()));
        return n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static Request parseRequest(byte[] data) throws IOException {
        JsonNode n = MAPPER.readTree(data);
        String vehicle = text(n, "vehicle");
        return new Request(Operation.valueOf(text(n, "op")), vehicle, MissionType.valueOf(text(n, "type")),
                MissionCodec.items(text(n, "items"), "transfer for " + vehicle));
    }

    static byte[] outcome(TransferOutcome o) {
        ObjectNode n = MAPPER.createObjectNode().put("status", o.status().name())
                .put("vehicleResult", o.vehicleResult() == null ? null : o.vehicleResult().name())
                .put("attempts", o.attempts()).put("retransmissions", o.retransmissions())
                .put("toleratedNacks", o.toleratedNacks()).put("items", MissionCodec.items(o.items())).put("detail", o.detail());
        return n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static TransferOutcome parseOutcome(byte[] data) throws IOException {
        JsonNode n = MAPPER.readTree(data);
        JsonNode result = n.get("vehicleResult");
        return new TransferOutcome(TransferStatus.valueOf(text(n, "status")),
                result == null || result.isNull() ? null : MissionResult.valueOf(result.asText()), n.path("attempts").intValue(),
                n.path("retransmissions").intValue(), n.path("toleratedNacks").intValue(),
                MissionCodec.items(text(n, "items"), "transfer outcome"), text(n, "detail"));
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException("'" + field + "' missing");
        }
        return v.asText();
    }
}
