package org.skyfleet.telemetry.mavlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MavlinkFrameSplitterTest {
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.1", 14_551);

    private final MavlinkFrameSplitter splitter = new MavlinkFrameSplitter(MavlinkMessageCatalog.standard());
    private final Map<FrameRejection, Integer> rejected = new EnumMap<>(FrameRejection.class);
    private final List<MavlinkFrame> frames = new ArrayList<>();
    private final FrameListener listener = new FrameListener() {
        @Override
        public void accepted(MavlinkMessageCatalog.MessageType type) {
        }

        @Override
        public void rejected(FrameRejection why) {
            rejected.merge(why, 1, Integer::sum);
        }
    };

    private void split(byte[] datagram) {
        splitter.split(Unpooled.wrappedBuffer(datagram), SENDER, frames, listener);
    }

    @Test
    void decodesMavlink2AndMavlink1FramesBackToBackWithUnits() {
        GlobalPositionInt pos = TestFrames.position(515_034_000, -1_276_000, 123_456, 60_000);
        split(TestFrames.concat(
                TestFrames.v2(7, 1, 10, TestFrames.heartbeat(MavType.MAV_TYPE_QUADROTOR, MavAutopilot.MAV_AUTOPILOT_PX4, true)),
                TestFrames.v1(7, 1, 11, pos)));

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).mavlink2()).isTrue();
        assertThat(frames.get(0).payload()).isInstanceOf(Heartbeat.class);
        assertThat(frames.get(0).systemId()).isEqualTo(7);
        assertThat(frames.get(0).sequence()).isEqualTo(10);
        assertThat(frames.get(1).mavlink2()).isFalse();
        assertThat(frames.get(1).payload()).isEqualTo(pos);
        assertThat(rejected).isEmpty();
    }

    @Test
    void mavlink2TrailingZeroTruncationDecodesToTheSameMessage() {
        // A position at 0,0 with zero velocities ends in zero bytes, which MAVLink 2 trims from the payload.
        GlobalPositionInt zeros = GlobalPositionInt.builder().timeBootMs(5).build();
        byte[] frame = TestFrames.v2Trimmed(3, 1, 0, zeros);
        assertThat(frame.length).isLessThan(10 + 28 + 2);

        split(frame);

        assertThat(frames).singleElement().extracting(MavlinkFrame::payload).isEqualTo(zeros);
    }

    @Test
    void corruptFrameIsCountedAndTheValidFrameBehindItStillDecodes() {
        byte[] bad = TestFrames.v2(7, 1, 1, TestFrames.position(1, 2, 3, 4));
        bad[14] ^= 0x40;  // flip one payload bit: the checksum no longer matches
        byte[] good = TestFrames.v2(7, 1, 2, TestFrames.position(5, 6, 7, 8));

        split(TestFrames.concat(new byte[] {0x01, 0x02, 0x03}, bad, good));

        assertThat(frames).singleElement().extracting(MavlinkFrame::sequence).isEqualTo(2);
        assertThat(rejected).containsEntry(FrameRejection.GARBAGE, 1).containsEntry(FrameRejection.BAD_CRC, 1);
    }

    @Test
    void truncatedFrameIsRejectedAsTruncated() {
        byte[] whole = TestFrames.v2(7, 1, 1, TestFrames.position(1, 2, 3, 4));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);

        split(cut);

        assertThat(frames).isEmpty();
        assertThat(rejected).containsEntry(FrameRejection.TRUNCATED, 1);
    }

    @Test
    void signedFrameIsFramedWithItsSignatureAndMarkedSigned() {
        byte[] key = new byte[32];
        key[0] = 42;
        byte[] signed = TestFrames.signedV2(9, 1, 4, TestFrames.position(1, 2, 3, 4), key);
        byte[] next = TestFrames.v2(9, 1, 5, TestFrames.position(9, 9, 9, 9));

        split(TestFrames.concat(signed, next));

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).signed()).isTrue();
        assertThat(frames.get(0).rawFrame()).hasSize(signed.length);
        assertThat(frames.get(1).signed()).isFalse();
    }

    @Test
    void unknownMessageIdAndUnsupportedFlagsAreRejectedNotThrown() {
        byte[] unknown = TestFrames.v2(7, 1, 1, TestFrames.position(1, 2, 3, 4));
        unknown[7] = (byte) 0xEE;  // message id 0xEE00xx: defined by no dialect here
        unknown[8] = (byte) 0xEE;
        unknown[9] = (byte) 0x7F;
        byte[] flagged = TestFrames.v2(7, 1, 2, TestFrames.position(1, 2, 3, 4));
        flagged[2] = 0x02;

        split(TestFrames.concat(unknown, flagged));

        assertThat(frames).isEmpty();
        assertThat(rejected).containsEntry(FrameRejection.UNKNOWN_MESSAGE, 1)
                .containsEntry(FrameRejection.UNSUPPORTED_FLAGS, 1);
    }
}
