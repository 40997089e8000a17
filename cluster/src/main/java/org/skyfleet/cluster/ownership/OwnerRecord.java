package org.skyfleet.cluster.ownership;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.skyfleet.fleet.cluster.LinkOwner;

/**
 * An owner as stored in the bucket: {@code <node id> <expiry, epoch milliseconds>} in UTF-8, readable with
 * {@code nats kv get skyfleet-owners <vehicle>}. The expiry is the owner's clock: nodes need clocks
 * agreeing well within a lease (NTP does).
 */
final class OwnerRecord {
    private OwnerRecord() {
    }

    static byte[] encode(String nodeId, Instant expiresAt) {
        return (nodeId + " " + expiresAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8);
    }

    /** The owner, or null for a value that is not an owner record (then the key counts as free). */
    static LinkOwner decode(String vehicleId, byte[] value) {
        if (value == null) {
            return null;
        }
        String text = new String(value, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        try {
            return new LinkOwner(vehicleId, text.substring(0, space), Instant.ofEpochMilli(Long.parseLong(text.substring(space + 1))));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
