package org.skyfleet.telemetry.mavlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;

/** Properties of the codec path: wire integers to SI units, and framing amid arbitrary junk. */
class MavlinkCodecPropertiesTest {
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 1);
    private final MavlinkFrameSplitter splitter = new MavlinkFrameSplitter(MavlinkMessageCatalog.standard());

    @Property(tries = 300)
    void positionSurvivesTheWireWithinTheEncodingResolution(
            @ForAll @IntRange(min = -900_000_000, max = 900_000_000) int latE7,
            @ForAll @IntRange(min = -1_800_000_000, max = 1_800_000_000) int lonE7,
            @ForAll @IntRange(min = -500_000, max = 10_000_000) int altMm,
            @ForAll @IntRange(min = 0, max = 35_999) int hdgCdeg,
            @ForAll boolean trimmed) {
        GlobalPositionInt p = GlobalPositionInt.builder().lat(latE7).lon(lonE7).alt(altMm).relativeAlt(altMm / 2)
                .hdg(hdgCdeg).build();
        byte[] frame = trimmed ? TestFrames.v2Trimmed(1, 1, 0, p) : TestFrames.v2(1, 1, 0, p);

        List<MavlinkFrame> out = new ArrayList<>();
        splitter.split(Unpooled.wrappedBuffer(frame), FROM, out, FrameListener.NONE);
        VehicleState s = TelemetryApplier.apply(blankVehicle(), out.get(0).payload(), Instant.EPOCH);

        assertThat(s.position().latDeg()).isCloseTo(latE7 / 1e7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.position().lonDeg()).isCloseTo(lonE7 / 1e7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.position().altAmslM()).isCloseTo(altMm / 1000.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.position().headingDeg()).isBetween(0.0, 360.0);
    }

    @Property(tries = 300)
    void everyValidFrameIsFoundWhateverNoiseWithoutStartBytesSurroundsIt(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 0xFC) Integer> before,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 0xFC) Integer> after,
            @ForAll @IntRange(min = 1, max = 254) int systemId) {
        byte[] frame = TestFrames.v2(systemId, 1, 9, TestFrames.position(1, 2, 3, 4));
        byte[] datagram = TestFrames.concat(bytes(before), frame, bytes(after), frame);

        List<MavlinkFrame> out = new ArrayList<>();
        splitter.split(Unpooled.wrappedBuffer(datagram), FROM, out, FrameListener.NONE);

        assertThat(out).hasSize(2).allSatisfy(f -> assertThat(f.systemId()).isEqualTo(systemId));
    }

    @Property(tries = 200)
    void noDatagramMakesTheSplitterThrow(@ForAll @Size(max = 600) byte[] datagram) {
        List<MavlinkFrame> out = new ArrayList<>();
        splitter.split(Unpooled.wrappedBuffer(datagram), FROM, out, FrameListener.NONE);
        assertThat(out).allSatisfy(f -> assertThat(f.payload()).isNotNull());
    }

    private static byte[] bytes(List<Integer> values) {
        byte[] b = new byte[values.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (int) values.get(i);
        }
        return b;
    }

    private static VehicleState blankVehicle() {
        return new VehicleState(new VehicleIdentity("v", VehicleKind.MULTICOPTER, AutopilotKind.PX4, 1, "x:1"),
                new FlightStatus(LinkState.CONNECTED, Instant.EPOCH, false, "HOLD", SystemStatus.STANDBY, LandedState.ON_GROUND),
                null, null, null, null, null, null, 0);
    }
}
