package org.skyfleet.telemetry.mavlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.protocol.MavlinkPacket;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MavlinkSignatureTest {
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    @Test
    void agreesWithDronefleetOnFramesItSigned() {
        byte[] frame = TestFrames.signedV2(9, 1, 3, TestFrames.position(1, 2, 3, 4), KEY, 5, 0x0102_0304_0506L);
        MavlinkSignature signature = new MavlinkSignature();

        assertThat(signature.matches(frame, KEY)).isTrue();
        assertThat(MavlinkPacket.fromV2Bytes(frame).validateSignature(KEY)).isTrue();
        assertThat(MavlinkSignature.linkId(frame)).isEqualTo(5);
        assertThat(MavlinkSignature.timestamp(frame)).isEqualTo(0x0102_0304_0506L);
    }

    @Test
    void anyChangeToKeyLinkIdOrTimestampBreaksIt() {
        byte[] frame = TestFrames.signedV2(9, 1, 3, TestFrames.position(1, 2, 3, 4), KEY, 5, 1000);
        MavlinkSignature signature = new MavlinkSignature();
        byte[] otherKey = KEY.clone();
        otherKey[31] ^= 1;
        assertThat(signature.matches(frame, otherKey)).isFalse();
        for (int at = frame.length - 13; at < frame.length; at++) {
            byte[] changed = frame.clone();
            changed[at] ^= 1;
            assertThat(signature.matches(changed, KEY)).as("byte %d changed", at).isFalse();
        }
    }

    @Test
    void timestampsCountTenMicrosecondUnitsFrom2015() {
        assertThat(MavlinkSignature.timestampOf(Instant.parse("2015-01-01T00:00:00Z"))).isZero();
        assertThat(MavlinkSignature.timestampOf(Instant.parse("2015-01-01T00:00:01.000025Z"))).isEqualTo(100_002);
        assertThat(MavlinkSignature.timestampOf(Instant.parse("2014-12-31T23:59:59Z"))).isZero();
    }
}
