package org.skyfleet.fleet.bus;

import java.util.Objects;

/**
 * One record on the durable log, encoded at the edge that made it (the domain does not choose a wire
 * format).
 *
 * @param kind     what it is
 * @param key      what it is about (an incident id, a vehicle id): the unit of ordering and filtering
 * @param payload  the encoded record
 * @param sequence the log's position of the record, increasing; 0 before it is appended
 */
public record DurableRecord(RecordKind kind, String key, byte[] payload, long sequence) {
    public DurableRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
    }
}
