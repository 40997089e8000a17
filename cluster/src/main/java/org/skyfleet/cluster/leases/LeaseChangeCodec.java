package org.skyfleet.cluster.leases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.skyfleet.fleet.control.LeaseChange;
import org.skyfleet.fleet.control.Operator;

/** A lease change as JSON on the bus; the lease itself as the shared bucket stores it. */
final class LeaseChangeCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LeaseChangeCodec() {
    }

    static byte[] encode(LeaseChange c) {
        ObjectNode n = MAPPER.createObjectNode().put("vehicle", c.vehicleId()).put("kind", c.kind().name())
                .put("seconds", c.time().getEpochSecond()).put("nanos", c.time().getNano());
        if (c.lease() != null) {
            n.put("lease", Base64.getEncoder().encodeToString(NatsSharedLeases.encode(c.lease())));
        }
        if (c.previous() != null) {
            n.put("previousSubject", c.previous().subject()).put("previousRole", c.previous().role().name());
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    static LeaseChange decode(byte[] data) throws IOException {
        JsonNode n = MAPPER.readTree(data);
        String vehicle = n.path("vehicle").asText("");
        if (vehicle.isEmpty()) {
            throw new IOException("'vehicle' missing");
        }
        JsonNode lease = n.get("lease");
        JsonNode previous = n.get("previousSubject");
        try {
            return new LeaseChange(vehicle, LeaseChange.Kind.valueOf(n.path("kind").asText()),
                    lease == null ? null : NatsSharedLeases.decode(vehicle, Base64.getDecoder().decode(lease.asText())),
                    previous == null ? null : new Operator(previous.asText(), Operator.Role.valueOf(n.path("previousRole").asText())),
                    Instant.ofEpochSecond(n.path("seconds").asLong(), n.path("nanos").asInt()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("unreadable lease change for " + vehicle + ": " + e.getMessage(), e);
        }
    }
}
