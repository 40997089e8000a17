package org.skyfleet.telemetry.mavlink;

import io.dronefleet.mavlink.protocol.MavlinkPacket;
import io.dronefleet.mavlink.serialization.payload.MavlinkPayloadSerializer;
import io.dronefleet.mavlink.serialization.payload.reflection.ReflectionPayloadSerializer;

/**
 * Encodes what the ground station sends as MAVLink 2 frames from one system/component, with its own
 * packet sequence. Not thread-safe: one encoder per link, used on the link's thread.
 */
public final class MavlinkEncoder {
    private final MavlinkMessageCatalog catalog;
    private final MavlinkPayloadSerializer serializer = new ReflectionPayloadSerializer();
    private final int systemId;
    private final int componentId;
    private int sequence;

    /**
     * @param systemId    the ground station's system id, conventionally 255
     * @param componentId the ground station's component id, conventionally 190 (MAV_COMP_ID_MISSIONPLANNER)
     */
    public MavlinkEncoder(MavlinkMessageCatalog catalog, int systemId, int componentId) {
        this.catalog = catalog;
        this.systemId = systemId;
        this.componentId = componentId;
    }

    public byte[] encode(Object payload) {
        MavlinkMessageCatalog.MessageType type = catalog.byClass(payload.getClass());
        byte[] body = serializer.serialize(payload);
        return MavlinkPacket.createUnsignedMavlink2Packet(nextSequence(), systemId, componentId, type.id(),
                type.crcExtra(), body).getRawBytes();
    }

    /**
     * A signed MAVLink 2 frame.
     *
     * @param linkId    the signature's link id, 0..255
     * @param timestamp 10 µs units since 2015-01-01T00:00:00Z; the caller keeps it increasing per link
     * @param key       the 32-byte secret key
     */
    public byte[] encodeSigned(Object payload, int linkId, long timestamp, byte[] key) {
        MavlinkMessageCatalog.MessageType type = catalog.byClass(payload.getClass());
        byte[] body = serializer.serialize(payload);
        return MavlinkPacket.createSignedMavlink2Packet(nextSequence(), systemId, componentId, type.id(),
                type.crcExtra(), body, linkId, timestamp, key).getRawBytes();
    }

    private int nextSequence() {
        int seq = sequence;
        sequence = (sequence + 1) & 0xFF;
        return seq;
    }
}
