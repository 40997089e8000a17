package org.skyfleet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.MavlinkMessage;
import io.dronefleet.mavlink.annotations.MavlinkMessageInfo;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.protocol.MavlinkPacket;
import io.dronefleet.mavlink.serialization.payload.reflection.ReflectionPayloadSerializer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.ConfirmLinkClaimRequest;
import org.skyfleet.proto.v1.ConfirmLinkClaimResponse;
import org.skyfleet.proto.v1.EventType;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GetVehicleRequest;
import org.skyfleet.proto.v1.LinkState;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SendCommandResponse;
import org.skyfleet.proto.v1.StreamEventsRequest;
import org.skyfleet.proto.v1.StreamEventsResponse;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.proto.v1.VehicleState;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.telemetry.link.IngestMetrics;

/**
 * The security probe's "a lost unsigned link is taken by whoever speaks next", over the real wire: raw UDP
 * sockets speak MAVLink into a real server, a gRPC client commands. A stranger's heartbeat after link loss is
 * a claim, not a re-bind: a pilot's Hold is not sent to it and its answer names the claim, until a commander
 * confirms the claim. With tokens required and no {@code --allow-unsigned} an unsigned vehicle is not admitted,
 * and 32 sockets of one host share one source budget.
 */
class LinkClaimEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SYSTEM_ID = 1;
    private static final TokenAuthority TOKENS = new TokenAuthority(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32},
            InstantSource.system());

    private final List<AutoCloseable> open = new ArrayList<>();
    private SkyfleetServer server;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(ServerConfig config) throws Exception {
        server = SkyfleetServer.start(config, InstantSource.system());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    private FleetServiceGrpc.FleetServiceBlockingStub fleet(String subject, Role role) {
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + TOKENS.issue(subject, role, Duration.ofHours(1)));
        return FleetServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private RawVehicle vehicle() throws Exception {
        RawVehicle v = new RawVehicle(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.mavlinkAddress().getPort()));
        open.add(v);
        return v;
    }

    @Test
    void strangerAfterLinkLossGetsAClaimAndNoCommandUntilACommanderConfirmsIt() throws Exception {
        start(ServerConfig.ephemeral().withHeartbeatTimeout(Duration.ofMillis(1000)).withTokens(TOKENS, true)
                .withAllowUnsigned(true));
        var events = new StreamRecorder<StreamEventsRequest, StreamEventsResponse>(false);
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + TOKENS.issue("watch", Role.COMMANDER, Duration.ofHours(1)));
        TelemetryServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m))
                .streamEvents(StreamEventsRequest.getDefaultInstance(), events);
        var pilot = fleet("olga", Role.PILOT);
        var commander = fleet("cmdr", Role.COMMANDER);

        // With tokens required and --allow-unsigned, even the first address is a claim: a commander confirms it.
        RawVehicle drone = vehicle();
        drone.startHeartbeats();
        Await.until(WAIT, "the drone's first address held as a claim",
                () -> !commander.listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList().isEmpty()
                        && !state(commander).getLinkClaimPeer().isEmpty());
        String droneId = state(commander).getVehicleId();
        assertThat(state(commander).getLinkClaimPeer()).isEqualTo(drone.address());
        assertThat(state(commander).getLinkPeer()).isEmpty();
        commander.confirmLinkClaim(ConfirmLinkClaimRequest.newBuilder().setVehicleId(droneId)
                .setClaimedAddress(drone.address()).build());
        assertThat(state(commander).getLinkPeer()).isEqualTo(drone.address());
        pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).setTtlS(600).build());

        // The drone goes silent; a stranger speaks with its system id from another address.
        drone.stopHeartbeats();
        Await.until(WAIT, "the drone's link lost", () -> state(commander).getLinkState() == LinkState.LINK_STATE_LOST);
        RawVehicle stranger = vehicle();
        stranger.startHeartbeats();
        Await.until(WAIT, "the stranger's address held as a claim",
                () -> state(commander).getLinkClaimPeer().equals(stranger.address()));
        assertThat(state(commander).getLinkPeer()).as("not re-bound").isEqualTo(drone.address());
        Await.until(WAIT, "a LINK_CLAIMED event naming the stranger", () -> events.received.stream()
                .flatMap(r -> r.getEventsList().stream()).anyMatch(e -> e.getType() == EventType.EVENT_TYPE_LINK_CLAIMED
                        && e.getMessage().contains(stranger.address())));
        Await.until(WAIT, "the claim in the audit journal", () -> server.audit().entries().stream()
                .anyMatch(e -> e.action().equals("link claim") && e.detail().contains(stranger.address())));

        SendCommandResponse refused = pilot.sendCommand(hold("hold-1", droneId));
        assertThat(refused.getResult()).isEqualTo(CommandResult.COMMAND_RESULT_NOT_CONNECTED);
        assertThat(refused.getDetail()).contains("link claim", stranger.address(), "ConfirmLinkClaim");
        assertThat(stranger.commandsWithin(Duration.ofMillis(1500))).as("nothing sent to the stranger").isEmpty();

        // A pilot without the lease may not confirm; a wrong address is refused naming the pending one.
        assertThatThrownBy(() -> fleet("other", Role.PILOT).confirmLinkClaim(ConfirmLinkClaimRequest.newBuilder()
                .setVehicleId(droneId).setClaimedAddress(stranger.address()).build()))
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> commander.confirmLinkClaim(ConfirmLinkClaimRequest.newBuilder().setVehicleId(droneId)
                .setClaimedAddress("127.0.0.1:1").build()))
                .isInstanceOf(StatusRuntimeException.class).hasMessageContaining(stranger.address())
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));

        // The pilot holding the lease vouches for the new address: commands go there now.
        ConfirmLinkClaimResponse confirmed = pilot.confirmLinkClaim(ConfirmLinkClaimRequest.newBuilder().setVehicleId(droneId)
                .setClaimedAddress(stranger.address()).build());
        assertThat(confirmed.getLinkPeer()).isEqualTo(stranger.address());
        assertThat(confirmed.getPreviousLinkPeer()).isEqualTo(drone.address());
        assertThat(server.audit().entries()).anySatisfy(e -> assertConfirmed(e, droneId, stranger.address()));
        stranger.acknowledgeCommands();
        SendCommandResponse sent = pilot.sendCommand(hold("hold-2", droneId));
        assertThat(sent.getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        assertThat(stranger.received(MavCmd.MAV_CMD_DO_SET_MODE)).as("the Hold went to the confirmed address").isTrue();
        assertThat(drone.received(MavCmd.MAV_CMD_DO_SET_MODE)).isFalse();
        events.cancel();
    }

    @Test
    void theConsoleConfirmsAClaimThroughItsJsonBridge() throws Exception {
        start(ServerConfig.ephemeral().withTokens(TOKENS, true).withAllowUnsigned(true));
        RawVehicle drone = vehicle();
        drone.startHeartbeats();
        var commander = fleet("cmdr", Role.COMMANDER);
        Await.until(WAIT, "the drone's first address held as a claim",
                () -> !server.registry().all().isEmpty() && server.registry().all().get(0).identity().claimPending());
        String droneId = server.registry().all().get(0).vehicleId();
        String body = "{\"vehicle_id\": \"" + droneId + "\", \"claimed_address\": \"" + drone.address() + "\"}";

        var pilotAnswer = bridge("ConfirmLinkClaim", TOKENS.issue("olga", Role.PILOT, Duration.ofHours(1)), body);
        assertThat(pilotAnswer.statusCode()).as("a pilot without the lease").isEqualTo(403);
        var answer = bridge("ConfirmLinkClaim", TOKENS.issue("cmdr", Role.COMMANDER, Duration.ofHours(1)), body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"link_peer\":\"" + drone.address() + "\"");
        assertThat(state(commander).getLinkPeer()).isEqualTo(drone.address());
        assertThat(state(commander).getLinkClaimPeer()).isEmpty();
    }

    private java.net.http.HttpResponse<String> bridge(String method, String token, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + server.httpPort() + "/api/v1/rpc/skyfleet.v1.FleetService/" + method))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withTokensAndNoAllowUnsignedAnUnsignedVehicleIsNotAdmitted() throws Exception {
        start(ServerConfig.ephemeral().withTokens(TOKENS, true));
        RawVehicle drone = vehicle();
        drone.startHeartbeats();
        IngestMetrics metrics = server.ingestMetrics();

        Await.until(WAIT, "the unsigned heartbeats dropped and counted",
                () -> metrics.framesIgnored(IngestMetrics.FrameIgnored.NO_SIGNING_KEY) >= 3);
        assertThat(server.registry().all()).isEmpty();
        assertThat(fleet("cmdr", Role.COMMANDER).listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList())
                .isEmpty();
        assertThat(drone.commandsWithin(Duration.ZERO)).isEmpty();
    }

    @Test
    void thirtyTwoPortsOfOneHostShareOneSourceBudget() throws Exception {
        start(ServerConfig.ephemeral());  // 2,000 datagrams/s per source IP, bursts of 4,000
        IngestMetrics metrics = server.ingestMetrics();
        InetSocketAddress link = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.mavlinkAddress().getPort());
        byte[] frame = RawVehicle.frame(0, RawVehicle.HEARTBEAT);
        List<DatagramSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            open.add(s::close);
            sockets.add(s);
        }
        int perSocket = 250;  // 8,000 datagrams: each port's share (250) is far inside a per-port burst
        long started = System.nanoTime();
        for (int round = 0; round < perSocket; round++) {
            for (DatagramSocket s : sockets) {
                s.send(new DatagramPacket(frame, frame.length, link));
            }
        }
        double sendingS = (System.nanoTime() - started) / 1e9;
        Await.until(WAIT, "every datagram that reached the link judged", () -> metrics.datagramsIn() > 0
                && metrics.datagramsIn() == metrics.datagramsAccepted()
                + metrics.datagramsDropped(IngestMetrics.DatagramDrop.RATE_LIMITED) && settled(metrics));

        double budget = 4_000 + 2_000 * (sendingS + 1);  // the burst, plus the sustained rate while sending and a second more
        assertThat(metrics.datagramsIn()).as("enough arrived to tell a per-host budget from per-port ones")
                .isGreaterThan(budget + 500);
        assertThat(metrics.datagramsAccepted()).isLessThanOrEqualTo(budget);
        assertThat(metrics.datagramsDropped(IngestMetrics.DatagramDrop.RATE_LIMITED)).isPositive();
    }

    /** True once no datagram has arrived for 300 ms. */
    private static boolean settled(IngestMetrics metrics) {
        double before = metrics.datagramsIn();
        new CompletableFuture<Void>().completeOnTimeout(null, 300, TimeUnit.MILLISECONDS).join();
        return metrics.datagramsIn() == before;
    }

    private static void assertConfirmed(AuditEntry e, String vehicleId, String address) {
        assertThat(e.action()).isEqualTo("link claim confirm");
        assertThat(e.vehicleId()).isEqualTo(vehicleId);
        assertThat(e.actor()).contains("olga");
        assertThat(e.detail()).contains(address);
        assertThat(e.result()).isEqualTo("CONFIRMED");
    }

    private static VehicleState state(FleetServiceGrpc.FleetServiceBlockingStub stub) {
        return stub.listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehicles(0);
    }

    private static SendCommandRequest hold(String commandId, String vehicleId) {
        return SendCommandRequest.newBuilder().setCommandId(commandId).setVehicleId(vehicleId)
                .setHold(SendCommandRequest.Hold.getDefaultInstance()).build();
    }

    /**
     * A MAVLink endpoint on its own socket speaking system id 1, unsigned: heartbeats five times a second while
     * started, and every frame the server sends it kept (and a COMMAND_LONG acknowledged, once asked to).
     */
    private static final class RawVehicle implements AutoCloseable {
        static final Heartbeat HEARTBEAT = Heartbeat.builder().type(MavType.MAV_TYPE_QUADROTOR)
                .autopilot(MavAutopilot.MAV_AUTOPILOT_PX4).baseMode(MavModeFlag.MAV_MODE_FLAG_CUSTOM_MODE_ENABLED)
                .customMode(0).systemStatus(MavState.MAV_STATE_STANDBY).mavlinkVersion(3).build();

        private final DatagramSocket socket;
        private final InetSocketAddress server;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final BlockingQueue<CommandLong> commands = new LinkedBlockingQueue<>();
        private final Thread reader;
        private volatile boolean heartbeats;
        private volatile boolean acknowledge;
        private final List<CommandLong> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        private int seq;

        RawVehicle(InetSocketAddress server) throws SocketException {
            this.server = server;
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            timer.scheduleAtFixedRate(() -> {
                if (heartbeats) {
                    send(HEARTBEAT);
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
            reader = new Thread(this::read, "raw-vehicle-" + socket.getLocalPort());
            reader.setDaemon(true);
            reader.start();
        }

        String address() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        void startHeartbeats() {
            heartbeats = true;
        }

        void stopHeartbeats() {
            heartbeats = false;
        }

        void acknowledgeCommands() {
            acknowledge = true;
        }

        boolean received(MavCmd command) {
            return all.stream().anyMatch(c -> c.command().entry() == command);
        }

        /** The commands that arrived, waiting up to {@code d} for a first one. */
        List<CommandLong> commandsWithin(Duration d) throws InterruptedException {
            List<CommandLong> out = new ArrayList<>();
            CommandLong first = commands.poll(d.toMillis(), TimeUnit.MILLISECONDS);
            if (first != null) {
                out.add(first);
            }
            commands.drainTo(out);
            return out;
        }

        private void read() {
            byte[] buf = new byte[2048];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    MavlinkConnection c = MavlinkConnection.create(
                            new ByteArrayInputStream(buf, 0, p.getLength()), OutputStream.nullOutputStream());
                    for (MavlinkMessage<?> m; (m = c.next()) != null; ) {
                        if (m.getPayload() instanceof CommandLong cmd) {
                            all.add(cmd);
                            commands.add(cmd);
                            if (acknowledge) {
                                send(CommandAck.builder().command(cmd.command()).result(MavResult.MAV_RESULT_ACCEPTED)
                                        .targetSystem(255).targetComponent(190).build());
                            }
                        }
                    }
                } catch (java.io.EOFException endOfDatagram) {
                    // next datagram
                } catch (java.io.IOException e) {
                    return;  // closed
                }
            }
        }

        private synchronized void send(Object payload) {
            byte[] f = frame(seq++, payload);
            try {
                socket.send(new DatagramPacket(f, f.length, server));
            } catch (java.io.IOException e) {
                // closed
            }
        }

        static byte[] frame(int seq, Object payload) {
            MavlinkMessageInfo info = payload.getClass().getAnnotation(MavlinkMessageInfo.class);
            byte[] body = new ReflectionPayloadSerializer().serialize(payload);
            return MavlinkPacket.createUnsignedMavlink2Packet(seq & 0xFF, SYSTEM_ID, 1, info.id(), info.crc(), body).getRawBytes();
        }

        @Override
        public void close() {
            timer.shutdownNow();
            socket.close();
        }
    }
}
