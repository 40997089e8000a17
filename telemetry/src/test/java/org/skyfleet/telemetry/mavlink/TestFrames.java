package org.skyfleet.telemetry.mavlink;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.protocol.MavlinkPacket;
import io.dronefleet.mavlink.serialization.payload.reflection.ReflectionPayloadSerializer;

/** Builds real MAVLink frames for tests, as a vehicle would send them. */
public final class TestFrames {
    private static final MavlinkMessageCatalog CATALOG = MavlinkMessageCatalog.standard();
    private static final ReflectionPayloadSerializer SERIALIZER = new ReflectionPayloadSerializer();

    private TestFrames() {
    }

    public static Heartbeat heartbeat(MavType type, MavAutopilot autopilot, boolean armed) {
        return armed
                ? Heartbeat.builder().type(type).autopilot(autopilot)
                        .baseMode(MavModeFlag.MAV_MODE_FLAG_CUSTOM_MODE_ENABLED, MavModeFlag.MAV_MODE_FLAG_SAFETY_ARMED)
                        .customMode((4L << 16) | (4L << 24)).systemStatus(MavState.MAV_STATE_ACTIVE).mavlinkVersion(3).build()
                : Heartbeat.builder().type(type).autopilot(autopilot)
                        .baseMode(MavModeFlag.MAV_MODE_FLAG_CUSTOM_MODE_ENABLED)
                        .customMode((4L << 16) | (3L << 24)).systemStatus(MavState.MAV_STATE_STANDBY).mavlinkVersion(3).build();
    }

    public static GlobalPositionInt position(int latE7, int lonE7, int altMm, int relAltMm) {
        return GlobalPositionInt.builder().timeBootMs(1000).lat(latE7).lon(lonE7).alt(altMm).relativeAlt(relAltMm)
                .vx(120).vy(-40).vz(5).hdg(9000).build();
    }

    public static byte[] v2(int systemId, int componentId, int sequence, Object payload) {
        MavlinkMessageCatalog.MessageType t = CATALOG.byClass(payload.getClass());
        return MavlinkPacket.createUnsignedMavlink2Packet(sequence, systemId, componentId, t.id(), t.crcExtra(),
                SERIALIZER.serialize(payload)).getRawBytes();
    }

    /** A MAVLink 2 frame with trailing zero bytes trimmed from the payload, as PX4 sends it. */
    public static byte[] v2Trimmed(int systemId, int componentId, int sequence, Object payload) {
        MavlinkMessageCatalog.MessageType t = CATALOG.byClass(payload.getClass());
        byte[] body = SERIALIZER.serialize(payload);
        int n = body.length;
        while (n > 1 && body[n - 1] == 0) {
            n--;
        }
        return MavlinkPacket.createUnsignedMavlink2Packet(sequence, systemId, componentId, t.id(), t.crcExtra(),
                java.util.Arrays.copyOf(body, n)).getRawBytes();
    }

    public static byte[] v1(int systemId, int componentId, int sequence, Object payload) {
        MavlinkMessageCatalog.MessageType t = CATALOG.byClass(payload.getClass());
        return MavlinkPacket.createMavlink1Packet(sequence, systemId, componentId, t.id(), t.crcExtra(),
                SERIALIZER.serialize(payload)).getRawBytes();
    }

    public static byte[] signedV2(int systemId, int componentId, int sequence, Object payload, byte[] key) {
        MavlinkMessageCatalog.MessageType t = CATALOG.byClass(payload.getClass());
        return MavlinkPacket.createSignedMavlink2Packet(sequence, systemId, componentId, t.id(), t.crcExtra(),
                SERIALIZER.serialize(payload), 1, 123_456_789L, key).getRawBytes();
    }

    /** A MAVLink 2 frame signed on link {@code linkId} at {@code timestamp}. */
    public static byte[] signedV2(int systemId, int componentId, int sequence, Object payload, byte[] key, int linkId,
                                  long timestamp) {
        MavlinkMessageCatalog.MessageType t = CATALOG.byClass(payload.getClass());
        return MavlinkPacket.createSignedMavlink2Packet(sequence, systemId, componentId, t.id(), t.crcExtra(),
                SERIALIZER.serialize(payload), linkId, timestamp, key).getRawBytes();
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
