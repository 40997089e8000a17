package org.skyfleet.telemetry.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.telemetry.link.IngestMetrics.FrameIgnored;
import org.skyfleet.telemetry.mavlink.MavlinkSignature;
import org.skyfleet.telemetry.mavlink.TestFrames;

class SignatureCheckTest {
    private static final InetSocketAddress DRONE = new InetSocketAddress("10.0.0.7", 14_580);
    private static final InetSocketAddress SPOOFER = new InetSocketAddress("10.6.6.6", 14_580);
    private static final byte[] KEY = key(0x42);
    private static final byte[] WRONG_KEY = key(0x43);
    private static final int SIGNED = 7;
    private static final int UNSIGNED = 8;

    private final LinkHarness link = new LinkHarness(SigningKeys.of(Map.of(SIGNED, KEY)));
    private int seq;
    /** The harness's clock stands at 2026-11-23T20:00:00Z; a fresh stream must start within a minute of it. */
    private long timestamp = MavlinkSignature.timestampOf(java.time.Instant.parse("2026-11-23T20:00:00Z"));

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private static Heartbeat heartbeat() {
        return TestFrames.heartbeat(MavType.MAV_TYPE_QUADROTOR, MavAutopilot.MAV_AUTOPILOT_PX4, true);
    }

    private byte[] signed(Object payload, byte[] key, long at) {
        return TestFrames.signedV2(SIGNED, 1, seq++, payload, key, 0, at);
    }

    private byte[] signed(Object payload) {
        return signed(payload, KEY, ++timestamp);
    }

    private VehicleState vehicle(int sysid) {
        return link.registry.find("mav-test-" + sysid).orElseThrow();
    }

    private double ignored(FrameIgnored why) {
        return link.metrics.framesIgnored(why);
    }

    @Test
    void correctlySignedFramesDiscoverTheVehicleAndMoveIt() {
        link.feed(DRONE, signed(heartbeat()));
        link.feed(DRONE, signed(TestFrames.position(515_000_000, -1_270_000, 100_000, 50_000)));

        assertThat(vehicle(SIGNED).position().latDeg()).isEqualTo(51.5);
        assertThat(ignored(FrameIgnored.UNSIGNED) + ignored(FrameIgnored.BAD_SIGNATURE) + ignored(FrameIgnored.REPLAYED))
                .isZero();
    }

    @Test
    void theGroundSideSignsWhatItSendsWithIncreasingTimestamps() {
        link.feed(DRONE, signed(heartbeat()));
        link.advance(Duration.ofSeconds(1));

        List<LinkHarness.Sent> sent = link.drainSent();
        assertThat(sent).anyMatch(s -> s.payload() instanceof CommandLong).anyMatch(s -> s.payload() instanceof Heartbeat);
        MavlinkSignature signature = new MavlinkSignature();
        long last = -1;
        for (LinkHarness.Sent s : sent) {
            assertThat(signature.matches(s.rawFrame(), KEY)).as("signed with the vehicle's key").isTrue();
            assertThat(MavlinkSignature.linkId(s.rawFrame())).isZero();
            long t = MavlinkSignature.timestamp(s.rawFrame());
            assertThat(t).isGreaterThan(last);
            last = t;
        }
        // The manual clock stands at 2026-11-23T20:00:01Z: the stamps count 10 µs units from 2015.
        assertThat(last).isGreaterThanOrEqualTo(MavlinkSignature.timestampOf(link.now()));
    }

    @Test
    void unsignedFramesFromASignedSystemAreDroppedAndCounted() {
        link.feed(DRONE, TestFrames.v2(SIGNED, 1, seq++, heartbeat()));
        assertThat(link.registry.find("mav-test-" + SIGNED)).isEmpty();
        assertThat(link.drainSent()).isEmpty();

        link.feed(DRONE, signed(heartbeat()));
        link.feed(DRONE, signed(TestFrames.position(515_000_000, -1_270_000, 100_000, 50_000)));
        link.feed(DRONE, TestFrames.v2(SIGNED, 1, seq++, TestFrames.position(100_000_000, 100_000_000, 0, 0)));
        link.feed(DRONE, TestFrames.v1(SIGNED, 1, seq++, TestFrames.position(100_000_000, 100_000_000, 0, 0)));

        assertThat(vehicle(SIGNED).position().latDeg()).isEqualTo(51.5);
        assertThat(ignored(FrameIgnored.UNSIGNED)).isEqualTo(3);
    }

    @Test
    void framesSignedWithAnotherKeyAreDroppedAndCounted() {
        link.feed(DRONE, signed(heartbeat(), WRONG_KEY, ++timestamp));
        assertThat(link.registry.find("mav-test-" + SIGNED)).isEmpty();

        link.feed(DRONE, signed(heartbeat()));
        link.feed(DRONE, signed(TestFrames.position(100_000_000, 100_000_000, 0, 0), WRONG_KEY, ++timestamp));

        assertThat(vehicle(SIGNED).position()).isNull();
        assertThat(ignored(FrameIgnored.BAD_SIGNATURE)).isEqualTo(2);
    }

    @Test
    void aTimestampNotAfterTheLastOfItsStreamIsAReplay() {
        link.feed(DRONE, signed(heartbeat()));
        byte[] position = signed(TestFrames.position(515_000_000, -1_270_000, 100_000, 50_000));
        link.feed(DRONE, position);
        long accepted = timestamp;

        link.feed(DRONE, position);                                                         // the same frame again
        link.feed(DRONE, signed(TestFrames.position(1, 1, 0, 0), KEY, accepted));           // equal timestamp
        link.feed(DRONE, signed(TestFrames.position(1, 1, 0, 0), KEY, accepted - 1));       // older timestamp
        assertThat(ignored(FrameIgnored.REPLAYED)).isEqualTo(3);
        assertThat(vehicle(SIGNED).position().latDeg()).isEqualTo(51.5);

        link.feed(DRONE, signed(TestFrames.position(525_000_000, -1_270_000, 100_000, 50_000), KEY, accepted + 1));
        assertThat(vehicle(SIGNED).position().latDeg()).isEqualTo(52.5);
        // Another link id is another stream, with its own timestamps: older than the first stream's is fine.
        link.feed(DRONE, TestFrames.signedV2(SIGNED, 1, seq++, TestFrames.position(535_000_000, 0, 0, 0), KEY, 3, accepted - 10));
        assertThat(vehicle(SIGNED).position().latDeg()).isEqualTo(53.5);
    }

    @Test
    void aNewStreamMayNotStartMoreThanAMinuteBehindTheClock() {
        long minuteAgo = timestamp - SignatureCheck.NEW_STREAM_WINDOW;
        // Recorded before a restart, replayed after it: the stream table is empty, the clock is not.
        link.feed(DRONE, TestFrames.signedV2(SIGNED, 1, seq++, heartbeat(), KEY, 0, minuteAgo - 1));
        assertThat(ignored(FrameIgnored.REPLAYED)).isEqualTo(1);
        assertThat(link.registry.find("mav-test-" + SIGNED)).isEmpty();

        link.feed(DRONE, TestFrames.signedV2(SIGNED, 1, seq++, heartbeat(), KEY, 0, minuteAgo + 1));
        assertThat(ignored(FrameIgnored.REPLAYED)).isEqualTo(1);
        assertThat(vehicle(SIGNED)).isNotNull();
    }

    @Test
    void systemsWithoutAKeyStayUnsignedOnTheSameLink() {
        link.feed(DRONE, TestFrames.v2(UNSIGNED, 1, seq++, heartbeat()));
        link.feed(DRONE, TestFrames.v2(UNSIGNED, 1, seq++, TestFrames.position(515_000_000, 0, 0, 0)));

        assertThat(vehicle(UNSIGNED).position().latDeg()).isEqualTo(51.5);
        assertThat(link.drainSent()).filteredOn(s -> s.to().equals(DRONE))
                .isNotEmpty().allSatisfy(s -> assertThat(s.rawFrame()[2] & 0x01).as("signed flag").isZero());
        assertThat(link.drainSent()).isEmpty();
    }

    @Test
    void aSpoofedHeartbeatFromAnotherAddressNeverTakesTheLinkOver() {
        link.feed(DRONE, signed(heartbeat()));
        link.feed(SPOOFER, TestFrames.v2(SIGNED, 1, seq++, heartbeat()));
        link.feed(SPOOFER, signed(heartbeat(), WRONG_KEY, ++timestamp));
        assertThat(link.handler.peerOf("mav-test-" + SIGNED)).isEqualTo(DRONE);

        // Even with the link lost, only a correctly signed, fresh heartbeat may move it.
        byte[] captured = signed(heartbeat());
        link.feed(DRONE, captured);
        link.advance(Duration.ofSeconds(4));
        assertThat(vehicle(SIGNED).status().linkState()).isEqualTo(LinkState.LOST);
        link.feed(SPOOFER, TestFrames.v2(SIGNED, 1, seq++, heartbeat()));
        link.feed(SPOOFER, signed(heartbeat(), WRONG_KEY, ++timestamp));
        link.feed(SPOOFER, captured);
        assertThat(link.handler.peerOf("mav-test-" + SIGNED)).isEqualTo(DRONE);
        assertThat(vehicle(SIGNED).status().linkState()).isEqualTo(LinkState.LOST);
        assertThat(ignored(FrameIgnored.UNSIGNED)).isEqualTo(2);
        assertThat(ignored(FrameIgnored.BAD_SIGNATURE)).isEqualTo(2);
        assertThat(ignored(FrameIgnored.REPLAYED)).isEqualTo(1);

        InetSocketAddress newModem = new InetSocketAddress("10.0.0.9", 14_580);
        link.feed(newModem, signed(heartbeat()));
        assertThat(link.handler.peerOf("mav-test-" + SIGNED)).isEqualTo(newModem);
        assertThat(vehicle(SIGNED).status().linkState()).isEqualTo(LinkState.CONNECTED);
    }
}
