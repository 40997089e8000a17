package org.skyfleet.telemetry.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skyfleet.telemetry.mavlink.FrameRejection;
import org.skyfleet.telemetry.mavlink.TestFrames;

/**
 * 100,000 random and mutated datagrams through a link's real pipeline: nothing escapes, nothing is
 * swallowed as an error, every datagram is accounted for, and every intact valid frame is decoded.
 */
class MavlinkIngestFuzzTest {
    private static final int DATAGRAMS = 100_000;

    @Test
    void randomAndMutatedDatagramsAreCountedAndDroppedNeverThrown() {
        LinkHarness link = new LinkHarness();
        Random random = new Random(20261123);
        byte[][] valid = validFrames();
        long intactFrames = 0;
        long oversize = 0;

        for (int i = 0; i < DATAGRAMS; i++) {
            InetSocketAddress from = new InetSocketAddress("10.1.0." + (1 + random.nextInt(200)), 14_560 + random.nextInt(10));
            byte[] d;
            switch (random.nextInt(6)) {
                case 0 -> {  // pure noise, sometimes with a start byte up front
                    d = new byte[1 + random.nextInt(300)];
                    random.nextBytes(d);
                    if (random.nextBoolean()) {
                        d[0] = (byte) (random.nextBoolean() ? 0xFD : 0xFE);
                    }
                }
                case 1 -> {  // one bit flipped somewhere after the start byte
                    d = valid[random.nextInt(valid.length)].clone();
                    int at = 1 + random.nextInt(d.length - 1);
                    d[at] ^= (byte) (1 << random.nextInt(8));
                }
                case 2 -> {  // cut short
                    byte[] f = valid[random.nextInt(valid.length)];
                    d = Arrays.copyOf(f, 1 + random.nextInt(f.length - 1));
                }
                case 3 -> {  // oversize
                    d = new byte[2049 + random.nextInt(4000)];
                    random.nextBytes(d);
                    oversize++;
                }
                default -> {  // one to three intact frames, with junk between some of them
                    int n = 1 + random.nextInt(3);
                    byte[] acc = new byte[0];
                    for (int k = 0; k < n; k++) {
                        byte[] junk = new byte[random.nextInt(3) == 0 ? 1 + random.nextInt(8) : 0];
                        for (int j = 0; j < junk.length; j++) {
                            junk[j] = (byte) (0x10 + random.nextInt(0x60));  // never a start byte
                        }
                        acc = TestFrames.concat(acc, junk, valid[random.nextInt(valid.length)]);
                    }
                    d = acc;
                    intactFrames += n;
                }
            }
            link.feed(from, d);
            if (i % 100 == 0) {
                link.advance(Duration.ofMillis(10));
            }
        }

        IngestMetrics m = link.metrics;
        assertThat(m.handlerErrors()).isZero();
        assertThat(m.datagramsIn()).isEqualTo(DATAGRAMS);
        double dropped = 0;
        for (IngestMetrics.DatagramDrop why : IngestMetrics.DatagramDrop.values()) {
            dropped += m.datagramsDropped(why);
        }
        assertThat(m.datagramsAccepted() + dropped).isEqualTo(DATAGRAMS);
        assertThat(m.datagramsDropped(IngestMetrics.DatagramDrop.OVERSIZE)).isEqualTo(oversize);
        assertThat(m.datagramsDropped(IngestMetrics.DatagramDrop.RATE_LIMITED)).isZero();
        // CRC-16 lets through about one corrupted candidate in 65,536: allow a handful of lucky noise frames.
        assertThat(m.framesDecoded()).isBetween((double) intactFrames, intactFrames + 5.0);
        assertThat(m.framesRejected(FrameRejection.BAD_CRC)).isPositive();
        assertThat(m.framesRejected(FrameRejection.TRUNCATED)).isPositive();
        assertThat(link.registry.all()).isNotEmpty();
    }

    private static byte[][] validFrames() {
        return new byte[][] {
                TestFrames.v2(1, 1, 0, TestFrames.heartbeat(MavType.MAV_TYPE_QUADROTOR, MavAutopilot.MAV_AUTOPILOT_PX4, true)),
                TestFrames.v2(2, 1, 1, TestFrames.heartbeat(MavType.MAV_TYPE_GROUND_ROVER, MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA, false)),
                TestFrames.v2(1, 1, 2, TestFrames.position(515_034_000, -1_276_000, 150_000, 60_000)),
                TestFrames.v2Trimmed(2, 1, 3, TestFrames.position(515_000_000, -1_200_000, 0, 0)),
                TestFrames.v1(1, 1, 4, Attitude.builder().roll(0.1f).pitch(-0.2f).yaw(1.5f).build()),
                TestFrames.v2(2, 1, 5, SysStatus.builder().voltageBattery(15_800).currentBattery(1200).batteryRemaining(64).build()),
        };
    }
}
