package org.skyfleet.server;

import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.annotations.MavlinkMessageInfo;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.protocol.MavlinkPacket;
import io.dronefleet.mavlink.serialization.payload.reflection.ReflectionPayloadSerializer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.telemetry.link.IngestMetrics.FrameIgnored;
import org.skyfleet.telemetry.link.SigningKeys;

/**
 * MAVLink 2 signing over the real wire: a simulated drone signs with its key and drops what is not signed
 * with it; the server holds the same key. The drone's telemetry is live and an ARM is acknowledged (so the
 * server signs), while unsigned and wrongly signed frames claiming its system id from another socket are
 * dropped and counted, and neither move it nor take its link.
 */
class SignedLinkEndToEndTest {
    private static final String KEY_HEX = "8f1c2a3b4d5e6f708192a3b4c5d6e7f80112233445566778899aabbccddeeff0";
    private static final String WRONG_KEY_HEX = "00000000000000000000000000000000000000000000000000000000000000aa";
    private static final int SYSTEM_ID = 1;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SCENARIO = """
            {"name": "signed-e2e", "description": "one drone on a signed link", "seed": 3,
             "durationS": 3600, "timeScale": 1, "home": {"latDeg": 51.5034, "lonDeg": -0.1276}, "homeAltAmslM": 20,
             "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 60, "fenceAction": "HOLD"},
             "vehicles": [{"name": "pad", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0},
                           "signingKeyHex": "%s"}],
             "targets": [], "faults": []}
            """.formatted(KEY_HEX);

    private SkyfleetServer server;
    private Simulation sim;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws Exception {
        SigningKeys keys = SigningKeys.parse(List.of(SYSTEM_ID + " " + KEY_HEX));
        server = SkyfleetServer.start(ServerConfig.ephemeral().withSigningKeys(keys), InstantSource.system());
        sim = Simulation.start(Scenario.parse(SCENARIO), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (sim != null) {
            sim.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private VehicleState drone() {
        return server.registry().all().get(0);
    }

    @Test
    void signedDroneIsLiveAndCommandedWhileSpoofedFramesAreDropped() throws Exception {
        Await.until(WAIT, "the signed drone to stream its position",
                () -> server.registry().all().size() == 1 && drone().position() != null);
        String droneId = drone().vehicleId();
        assertThat(drone().identity().mavlinkSystemId()).isEqualTo(SYSTEM_ID);
        String realPeer = drone().identity().linkPeer();
        InetSocketAddress droneAddress = sim.vehicle("pad").localAddress();
        assertThat(realPeer).endsWith(":" + droneAddress.getPort());

        // The drone drops unsigned commands: an accepted ARM proves the server signed it.
        var pilot = FleetServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("olga", "pilot")));
        pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).setTtlS(600).build());
        assertThat(pilot.sendCommand(SendCommandRequest.newBuilder().setCommandId("s-arm").setVehicleId(droneId)
                .setArm(SendCommandRequest.Arm.getDefaultInstance()).build()).getResult())
                .isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        assertThat(sim.vehicle("pad").rejectedUnsigned()).isZero();
        Await.until(WAIT, "the drone's signed heartbeat to report it armed", () -> drone().status().armed());

        var metrics = server.ingestMetrics();
        double unsignedBefore = metrics.framesIgnored(FrameIgnored.UNSIGNED);
        double badBefore = metrics.framesIgnored(FrameIgnored.BAD_SIGNATURE);
        byte[] wrongKey = HexFormat.of().parseHex(WRONG_KEY_HEX);
        Heartbeat heartbeat = Heartbeat.builder().type(MavType.MAV_TYPE_QUADROTOR).autopilot(MavAutopilot.MAV_AUTOPILOT_PX4)
                .baseMode(MavModeFlag.MAV_MODE_FLAG_CUSTOM_MODE_ENABLED).customMode(0)
                .systemStatus(MavState.MAV_STATE_STANDBY).mavlinkVersion(3).build();
        // Near (10°, 10°), far from the drone's home in London.
        GlobalPositionInt spoofed = GlobalPositionInt.builder().timeBootMs(1).lat(100_000_000).lon(100_000_000)
                .alt(5_000).relativeAlt(1_000).build();
        InetSocketAddress link = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.mavlinkAddress().getPort());
        Instant spoofedAt = Instant.now();
        try (DatagramSocket spoofer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(spoofer.getLocalPort()).isNotEqualTo(droneAddress.getPort());
            int seq = 0;
            for (int i = 0; i < 5; i++) {
                for (Object payload : List.of(heartbeat, spoofed)) {
                    send(spoofer, link, frame(seq++, payload, null));
                    send(spoofer, link, frame(seq++, payload, wrongKey));
                }
            }
        }

        Await.until(WAIT, "the spoofed frames to be dropped and counted",
                () -> metrics.framesIgnored(FrameIgnored.UNSIGNED) >= unsignedBefore + 10
                        && metrics.framesIgnored(FrameIgnored.BAD_SIGNATURE) >= badBefore + 10);
        Await.until(WAIT, "a real position received after the spoofing",
                () -> drone().position().receivedAt().isAfter(spoofedAt));
        VehicleState after = drone();
        assertThat(after.position().latDeg()).isCloseTo(51.5034, org.assertj.core.data.Offset.offset(0.01));
        assertThat(after.identity().linkPeer()).isEqualTo(realPeer);
        assertThat(after.status().linkState()).isEqualTo(LinkState.CONNECTED);
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, byte[] frame) throws Exception {
        socket.send(new DatagramPacket(frame, frame.length, to));
    }

    /** A MAVLink 2 frame from the drone's system id: unsigned when {@code key} is null. */
    private static byte[] frame(int seq, Object payload, byte[] key) {
        MavlinkMessageInfo info = payload.getClass().getAnnotation(MavlinkMessageInfo.class);
        byte[] body = new ReflectionPayloadSerializer().serialize(payload);
        long timestamp = (System.currentTimeMillis() - 1_420_070_400_000L) * 100 + 1_000_000 + seq;
        return (key == null
                ? MavlinkPacket.createUnsignedMavlink2Packet(seq, SYSTEM_ID, 1, info.id(), info.crc(), body)
                : MavlinkPacket.createSignedMavlink2Packet(seq, SYSTEM_ID, 1, info.id(), info.crc(), body, 0, timestamp, key))
                .getRawBytes();
    }
}
