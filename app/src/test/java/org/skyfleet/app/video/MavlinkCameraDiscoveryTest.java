package org.skyfleet.app.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;
import org.skyfleet.simulator.video.CameraFeeds;
import org.skyfleet.simulator.video.rtsp.RtspCameraServer;
import org.skyfleet.video.Eventually;
import org.skyfleet.video.Ffmpeg;
import org.skyfleet.video.stream.StreamState;
import org.skyfleet.video.stream.StreamStatus;

/**
 * A drone whose camera serves RTSP, as a PX4 camera does, is found the way a ground station finds one: the
 * server asks over MAVLink (MAV_CMD_REQUEST_MESSAGE for VIDEO_STREAM_INFORMATION), the vehicle names its
 * rtsp:// URL, and the server pulls it, journaling the discovery. The robot, which has no camera, gets no stream.
 */
class MavlinkCameraDiscoveryTest {
    @Test
    void theServerFindsAndPullsTheStreamTheVehicleAnnounces() throws Exception {
        Ffmpeg.require();
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withAllowUnsigned(true), InstantSource.system());
             RtspCameraServer rtsp = new RtspCameraServer("127.0.0.1", 0)) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort());
            String link = server.links().get(0).config().linkName();
            try (Simulation sim = Simulation.start(SimulationConfig.around(target, 29.87, 121.55, 1, 1, 5));
                 CameraFeeds cameras = CameraFeeds.servedOverRtsp(sim, "ffmpeg",
                         name -> "mav-" + link + "-" + sim.vehicle(name).vehicle().systemId(), rtsp)) {
                String drone = "mav-" + link + "-" + sim.vehicle("drone-1").vehicle().systemId();
                Eventually.within(Duration.ofSeconds(40), "the announced stream is live", () -> server.video().stream(drone)
                        .map(s -> s.status().state() == StreamState.LIVE).orElse(false));
                StreamStatus s = server.video().stream(drone).orElseThrow().status();
                assertThat(s.discoveredBy()).isEqualTo("mavlink");
                assertThat(s.sourceUrl()).isEqualTo(rtsp.url(drone));
                assertThat(s.widthPx()).isEqualTo(640);
                assertThat(server.audit().entries()).anyMatch(e -> e.action().equals("video stream discovered")
                        && e.vehicleId().equals(drone) && e.actor().equals("system"));
                assertThat(server.video().all()).extracting(StreamStatus::vehicleId).containsExactly(drone);
            }
        }
    }
}
