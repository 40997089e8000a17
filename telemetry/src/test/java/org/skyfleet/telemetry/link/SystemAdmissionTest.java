package org.skyfleet.telemetry.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import java.net.InetSocketAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skyfleet.telemetry.link.IngestMetrics.FrameIgnored;
import org.skyfleet.telemetry.mavlink.TestFrames;

/** A link that admits registered system ids only: strangers are not put on the map, and are counted. */
class SystemAdmissionTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.7", 14_580);

    @Test
    void onlyRegisteredSystemIdsBecomeVehicles() {
        LinkHarness link = new LinkHarness(SigningKeys.none(), SystemAdmission.only(Set.of(3)));
        var heartbeat = TestFrames.heartbeat(MavType.MAV_TYPE_QUADROTOR, MavAutopilot.MAV_AUTOPILOT_PX4, true);
        link.feed(PEER, TestFrames.v2(9, 1, 0, heartbeat));
        link.feed(PEER, TestFrames.v2(9, 1, 1, TestFrames.position(515_000_000, -1_270_000, 100_000, 50_000)));
        link.feed(PEER, TestFrames.v2(3, 1, 0, heartbeat));

        assertThat(link.registry.find("mav-test-9")).isEmpty();
        assertThat(link.registry.find("mav-test-3")).isPresent();
        assertThat(link.metrics.framesIgnored(FrameIgnored.UNREGISTERED)).isEqualTo(1);
        assertThat(link.metrics.framesIgnored(FrameIgnored.UNKNOWN_SYSTEM)).isEqualTo(1);
    }

    @Test
    void admissionSaysWhatItAdmits() {
        assertThat(SystemAdmission.ANY.admits(200)).isTrue();
        assertThat(SystemAdmission.only(Set.of(1, 2)).admits(3)).isFalse();
        assertThat(SystemAdmission.only(Set.of(2, 1)).toString()).isEqualTo("system ids [1, 2]");
        assertThatThrownBy(() -> SystemAdmission.only(Set.of(0))).hasMessageContaining("1..255");
    }
}
