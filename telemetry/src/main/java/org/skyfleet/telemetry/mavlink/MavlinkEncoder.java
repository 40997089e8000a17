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
        int seq = sequence;
        sequence = (sequence + 1) & 0xFF;
        return MavlinkPacket.createUnsignedMavlink2Packet(seq, systemId, componentId, type.id(), type.crcExtra(), body)
                .getRawBytes();
    }
}
