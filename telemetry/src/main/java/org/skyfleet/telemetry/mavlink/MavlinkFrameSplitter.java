package org.skyfleet.telemetry.mavlink;

import io.dronefleet.mavlink.protocol.MavlinkPacket;
import io.dronefleet.mavlink.serialization.payload.MavlinkPayloadDeserializer;
import io.dronefleet.mavlink.serialization.payload.reflection.ReflectionPayloadDeserializer;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Splits a datagram into MAVLink 1 and 2 frames. A datagram may hold several frames back to back,
 * and junk between them. Each candidate frame is checked against its declared length, the dialect's
 * CRC_EXTRA and the checksum; on any failure the splitter resynchronises on the next start byte
 * after the failed one, so one corrupt frame never hides the valid frames behind it. Nothing here
 * throws on bad input: every rejection is reported to the listener, once per rejected candidate
 * (the junk that follows a rejected candidate up to the next start byte is part of that rejection).
 */
public final class MavlinkFrameSplitter {
    static final int STX_V1 = 0xFE;
    static final int STX_V2 = 0xFD;
    static final int HEADER_V1 = 6;
    static final int HEADER_V2 = 10;
    static final int CHECKSUM_LENGTH = 2;
    static final int SIGNATURE_LENGTH = 13;
    static final int FLAG_SIGNED = 0x01;

    private final MavlinkMessageCatalog catalog;
    private final MavlinkPayloadDeserializer deserializer = new ReflectionPayloadDeserializer();

    public MavlinkFrameSplitter(MavlinkMessageCatalog catalog) {
        this.catalog = catalog;
    }

    /** Appends every valid frame in the readable bytes of {@code datagram} to {@code out}. */
    public void split(ByteBuf datagram, InetSocketAddress sender, List<? super MavlinkFrame> out, FrameListener listener) {
        int i = datagram.readerIndex();
        int end = datagram.writerIndex();
        boolean inRejectedRun = false;
        while (i < end) {
            int stx = datagram.getUnsignedByte(i);
            if (stx != STX_V1 && stx != STX_V2) {
                if (!inRejectedRun) {
                    listener.rejected(FrameRejection.GARBAGE);
                    inRejectedRun = true;
                }
                i++;
                continue;
            }
            int consumed = tryFrame(datagram, i, end, stx == STX_V2, sender, out, listener);
            if (consumed > 0) {
                i += consumed;
                inRejectedRun = false;
            } else {
                i++;
                inRejectedRun = true;
            }
        }
    }

    /** Returns the frame length if a frame was accepted (or undecodable but well-framed), else 0. */
    private int tryFrame(ByteBuf buf, int at, int end, boolean v2, InetSocketAddress sender,
                         List<? super MavlinkFrame> out, FrameListener listener) {
        int header = v2 ? HEADER_V2 : HEADER_V1;
        int available = end - at;
        if (available < header + CHECKSUM_LENGTH) {
            listener.rejected(FrameRejection.TRUNCATED);
            return 0;
        }
        int payloadLength = buf.getUnsignedByte(at + 1);
        int incompatFlags = v2 ? buf.getUnsignedByte(at + 2) : 0;
        if ((incompatFlags & ~FLAG_SIGNED) != 0) {
            listener.rejected(FrameRejection.UNSUPPORTED_FLAGS);
            return 0;
        }
        boolean signed = (incompatFlags & FLAG_SIGNED) != 0;
        int frameLength = header + payloadLength + CHECKSUM_LENGTH + (signed ? SIGNATURE_LENGTH : 0);
        if (frameLength > available) {
            listener.rejected(FrameRejection.TRUNCATED);
            return 0;
        }
        int messageId = v2
                ? buf.getUnsignedByte(at + 7) | buf.getUnsignedByte(at + 8) << 8 | buf.getUnsignedByte(at + 9) << 16
                : buf.getUnsignedByte(at + 5);
        MavlinkMessageCatalog.MessageType type = catalog.byId(messageId);
        if (type == null) {
            listener.rejected(FrameRejection.UNKNOWN_MESSAGE);
            return 0;
        }
        byte[] raw = new byte[frameLength];
        buf.getBytes(at, raw);
        MavlinkPacket packet = v2 ? MavlinkPacket.fromV2Bytes(raw) : MavlinkPacket.fromV1Bytes(raw);
        if (!packet.validateCrc(type.crcExtra())) {
            listener.rejected(FrameRejection.BAD_CRC);
            return 0;
        }
        Object payload;
        try {
            byte[] body = packet.getPayload();
            payload = HotPayloadDecoder.decode(messageId, body);
            if (payload == null) {
                payload = deserializer.deserialize(body, type.payloadClass());
            }
        } catch (RuntimeException e) {
            // The checksum matched, so the frame boundary is right: skip the whole frame.
            listener.rejected(FrameRejection.UNDECODABLE);
            return frameLength;
        }
        if (payload == null) {
            listener.rejected(FrameRejection.UNDECODABLE);
            return frameLength;
        }
        out.add(new MavlinkFrame(sender, v2, packet.getSequence(), packet.getSystemId(), packet.getComponentId(),
                messageId, payload, signed, raw));
        listener.accepted(type);
        return frameLength;
    }
}
