package org.skyfleet.simulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-framed messages are byte for byte what dronefleet frames, signed or not, sequence included. */
class FrameEncoderTest {

    private static List<Object> messages(Random r) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            boolean zeros = r.nextInt(5) == 0;  // trailing zero fields: dronefleet sends them in full, and so must we
            list.add(GlobalPositionInt.builder().timeBootMs(r.nextInt() & 0xffffffffL).lat(r.nextInt()).lon(r.nextInt())
                    .alt(r.nextInt()).relativeAlt(r.nextInt()).vx(zeros ? 0 : r.nextInt(65536) - 32768)
                    .vy(zeros ? 0 : r.nextInt(65536) - 32768).vz(zeros ? 0 : r.nextInt(65536) - 32768)
                    .hdg(zeros ? 0 : r.nextInt(65536)).build());
            list.add(Attitude.builder().timeBootMs(r.nextInt() & 0xffffffffL).roll(r.nextFloat()).pitch(-r.nextFloat())
                    .yaw(zeros ? 0f : (float) r.nextGaussian()).rollspeed(zeros ? 0f : r.nextFloat())
                    .pitchspeed(zeros ? 0f : r.nextFloat()).yawspeed(zeros ? 0f : -r.nextFloat()).build());
            if (i % 10 == 0) {
                list.add(Heartbeat.builder().customMode(r.nextInt(1 << 30)).mavlinkVersion(3).build());
                list.add(SysStatus.builder().voltageBattery(r.nextInt(20000)).batteryRemaining(r.nextInt(100)).build());
                list.add(Statustext.builder().severity(MavSeverity.MAV_SEVERITY_INFO).text("Armed by external command").build());
            }
        }
        return list;
    }

    @Test
    void framesMatchDronefleetUnsignedAndSigned() throws IOException {
        byte[] key = new byte[32];
        new Random(2).nextBytes(key);
        for (byte[] k : new byte[][] {null, key}) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            MavlinkConnection dronefleet = MavlinkConnection.create(InputStream.nullInputStream(), expected);
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            FrameEncoder encoder = new FrameEncoder();
            long timestamp = 1000;
            for (Object m : messages(new Random(1))) {
                if (k == null) {
                    dronefleet.send2(7, 1, m);
                } else {
                    dronefleet.send2(7, 1, m, 0, timestamp, k);
                }
                actual.write(encoder.encode(7, 1, m, k, timestamp));
                timestamp++;
            }
            assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
        }
    }
}
