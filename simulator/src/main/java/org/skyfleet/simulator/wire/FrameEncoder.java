package org.skyfleet.simulator.wire;

import io.dronefleet.mavlink.annotations.MavlinkMessageInfo;
import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.protocol.MavlinkPacket;
import io.dronefleet.mavlink.serialization.payload.MavlinkPayloadSerializer;
import io.dronefleet.mavlink.serialization.payload.reflection.ReflectionPayloadSerializer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MAVLink 2 framing of one vehicle's messages with its own packet sequence: the same bytes dronefleet's
 * {@code MavlinkConnection.send2} produces (a test holds it to that), but the two messages streamed at
 * 10 Hz and more, ATTITUDE and GLOBAL_POSITION_INT, are serialised by hand instead of by dronefleet's
 * reflective serializer, which looks up annotations on every call and was half the simulator's CPU time.
 */
final class FrameEncoder {
    private static final MavlinkPayloadSerializer REFLECTIVE = new ReflectionPayloadSerializer();
    private static final Map<Class<?>, MavlinkMessageInfo> INFO = new ConcurrentHashMap<>();
    private static final int ATTITUDE_ID = 30;
    private static final int ATTITUDE_CRC = 39;
    private static final int GLOBAL_POSITION_INT_ID = 33;
    private static final int GLOBAL_POSITION_INT_CRC = 104;

    private int sequence;

    /** Starts the packet sequence again from 0, as a rebooted autopilot does. */
    void restart() {
        sequence = 0;
    }

    /** One frame; signed with {@code key} (32 bytes) at {@code signingTimestamp} when the key is not null. */
    byte[] encode(int systemId, int componentId, Object payload, byte[] key, long signingTimestamp) {
        int id;
        int crc;
        byte[] bytes;
        if (payload instanceof GlobalPositionInt p) {
            id = GLOBAL_POSITION_INT_ID;
            crc = GLOBAL_POSITION_INT_CRC;
            bytes = globalPositionInt(p);
        } else if (payload instanceof Attitude a) {
            id = ATTITUDE_ID;
            crc = ATTITUDE_CRC;
            bytes = attitude(a);
        } else {
            MavlinkMessageInfo info = INFO.computeIfAbsent(payload.getClass(), c -> c.getAnnotation(MavlinkMessageInfo.class));
            id = info.id();
            crc = info.crc();
            bytes = REFLECTIVE.serialize(payload);
        }
        int seq = sequence++;
        MavlinkPacket packet = key == null
                ? MavlinkPacket.createUnsignedMavlink2Packet(seq, systemId, componentId, id, crc, bytes)
                : MavlinkPacket.createSignedMavlink2Packet(seq, systemId, componentId, id, crc, bytes, 0, signingTimestamp, key);
        return packet.getRawBytes();
    }

    /** GLOBAL_POSITION_INT's 28 bytes in wire order (largest fields first), little-endian, full length as dronefleet sends it. */
    static byte[] globalPositionInt(GlobalPositionInt p) {
        byte[] b = new byte[28];
        int i = put32(b, 0, (int) p.timeBootMs());
        i = put32(b, i, p.lat());
        i = put32(b, i, p.lon());
        i = put32(b, i, p.alt());
        i = put32(b, i, p.relativeAlt());
        i = put16(b, i, p.vx());
        i = put16(b, i, p.vy());
        i = put16(b, i, p.vz());
        put16(b, i, p.hdg());
        return b;
    }

    /** ATTITUDE's 28 bytes in wire order, little-endian, full length as dronefleet sends it. */
    static byte[] attitude(Attitude a) {
        byte[] b = new byte[28];
        int i = put32(b, 0, (int) a.timeBootMs());
        i = put32(b, i, Float.floatToIntBits(a.roll()));
        i = put32(b, i, Float.floatToIntBits(a.pitch()));
        i = put32(b, i, Float.floatToIntBits(a.yaw()));
        i = put32(b, i, Float.floatToIntBits(a.rollspeed()));
        i = put32(b, i, Float.floatToIntBits(a.pitchspeed()));
        put32(b, i, Float.floatToIntBits(a.yawspeed()));
        return b;
    }

    private static int put32(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
        return i + 4;
    }

    private static int put16(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        return i + 2;
    }
}
