package org.skyfleet.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.fleet.bus.RecordKind;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.LinkState;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.server.Await;
import org.skyfleet.server.cluster.bus.BusSubjects;
import org.skyfleet.server.cluster.bus.NatsDurableLog;
import org.skyfleet.server.cluster.bus.NatsTestServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * Two {@code skyfleet serve} processes on the real NATS, each on its own embedded store, a simulated
 * drone streaming to both. The node that owns the drone's link is killed with SIGKILL while it is being
 * written to: the other node takes the drone over from its own datagrams once the dead node's ownership
 * lease runs out, and commands it through its own link; every incident the dead node acknowledged is on
 * the durable log and, when it comes back, in its store.
 */
class NodeKilledTakeoverTest {
    private static final GeoPoint HILL = GeoPoint.newBuilder().setLatDeg(51.5034).setLonDeg(-0.1276).build();
    /** The default ownership lease of {@code serve}. */
    private static final Duration OWNER_LEASE = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    private record Node(Process process, ManagedChannel channel, int httpPort) {
    }

    @Test
    void theOwnersDeathHandsTheDroneToTheOtherNodeAndLosesNothingItAcknowledged() throws Exception {
        try (Connection probe = NatsTestServer.connect("probe")) { // skips, or fails in CI, without NATS
            assertThat(probe).isNotNull();
        }
        int mavlinkPort = freeUdpPort();
        String a = NatsTestServer.unique("kill-a-");
        String b = NatsTestServer.unique("kill-b-");
        InetSocketAddress atA = new InetSocketAddress("127.0.0.1", mavlinkPort);
        InetSocketAddress atB = new InetSocketAddress("127.0.0.2", mavlinkPort);
        String drone = "mav-" + mavlinkPort + "-1";
        List<Node> nodes = new ArrayList<>();
        Simulation sim = null;
        try {
            Node nodeA = start(a, atA, dir.resolve("a"));
            nodes.add(nodeA);
            sim = Simulation.start(SimulationConfig.around(atA, 51.5034, -0.1276, 1, 0, 5), List.of(atA, atB));
            Await.until(Duration.ofSeconds(30), "node A to own the drone", () -> owned(nodeA) == 1);
            Node nodeB = start(b, atB, dir.resolve("b"));
            nodes.add(nodeB);
            Await.until(Duration.ofSeconds(30), "node B to see the drone live through the bus",
                    () -> linkOf(nodeB, drone) == LinkState.LINK_STATE_CONNECTED);
            assertThat(owned(nodeB)).as("B hears the drone but leaves it to its owner").isZero();

            List<String> acknowledged = new ArrayList<>();
            var incidents = as(IncidentServiceGrpc.newBlockingStub(nodeA.channel()), "dana", "dispatcher");
            String run = NatsTestServer.unique("CAD-");
            for (int i = 0; i < 10; i++) {
                acknowledged.add(incidents.createIncident(CreateIncidentRequest.newBuilder().setExternalId(run + "-" + i)
                        .setType(IncidentType.INCIDENT_TYPE_SUSPECT).setPriority(IncidentPriority.INCIDENT_PRIORITY_P2)
                        .setLocation(HILL).build()).getIncident().getIncidentId());
            }

            nodeA.process().destroyForcibly(); // SIGKILL: no release of its vehicles, no goodbye on the bus
            assertThat(nodeA.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            long killedAt = System.nanoTime();
            Await.until(OWNER_LEASE.plusSeconds(10), "node B to take the drone over", () -> owned(nodeB) == 1);
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            // The drone never stopped sending to B: B may take it once A's lease has run out, and must within 5 s of that.
            assertThat(takeover).as("takeover after the kill").isLessThan(OWNER_LEASE.plusSeconds(5));
            Await.until(Duration.ofSeconds(10), "the drone live on B", () -> linkOf(nodeB, drone) == LinkState.LINK_STATE_CONNECTED);

            var pilot = as(FleetServiceGrpc.newBlockingStub(nodeB.channel()), "pat", "pilot");
            pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(60).build());
            // Until the drone's next heartbeat binds it to B's link a command is NOT_CONNECTED (never sent), which the
            // ledger does not remember: the pilot's retry with the same id goes out once the link is bound.
            SendCommandRequest arm = SendCommandRequest.newBuilder().setCommandId(NatsTestServer.unique("arm-"))
                    .setVehicleId(drone).setArm(SendCommandRequest.Arm.getDefaultInstance()).build();
            Await.until(Duration.ofSeconds(5), "ARM accepted through B's own link",
                    () -> pilot.sendCommand(arm).getResult() == CommandResult.COMMAND_RESULT_ACCEPTED);
            assertThat(pilot.sendCommand(arm).getResult()).as("the same id again: answered, not re-sent")
                    .isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);

            // What A acknowledged before it died is on the durable log...
            try (Connection nats = NatsTestServer.connect("check")) {
                JetStreamManagement jsm = nats.jetStreamManagement();
                for (int i = 0; i < acknowledged.size(); i++) {
                    MessageInfo last = jsm.getLastMessage(NatsDurableLog.STREAM,
                            BusSubjects.record(BusSubjects.RECORD_ROOT, RecordKind.INCIDENT, acknowledged.get(i)));
                    assertThat(new String(last.getData(), StandardCharsets.ISO_8859_1)).contains(run + "-" + i);
                }
            }
            // ...and in A's own store when it comes back.
            Node again = start(a, atA, dir.resolve("a"));
            nodes.add(again);
            var back = as(IncidentServiceGrpc.newBlockingStub(again.channel()), "cmdr", "commander");
            for (int i = 0; i < acknowledged.size(); i++) {
                assertThat(back.getIncident(GetIncidentRequest.newBuilder().setIncidentId(acknowledged.get(i)).build())
                        .getIncident().getExternalId()).isEqualTo(run + "-" + i);
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
            for (Node n : nodes) {
                n.channel().shutdownNow();
                n.process().destroy();
                n.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Node start(String nodeId, InetSocketAddress mavlink, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        int grpcPort = freeTcpPort();
        int httpPort = freeTcpPort();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.skyfleet.server.cli.SkyfleetCommand", "serve",
                "--bus", NatsTestServer.URL, "--node-id", nodeId, "--grpc-port", Integer.toString(grpcPort),
                "--http-port", Integer.toString(httpPort), "--mavlink-host", mavlink.getHostString(),
                "--mavlink-port", Integer.toString(mavlink.getPort()), "--data-dir", dataDir.toString(), "--register", "1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()))
                .start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        Node node = new Node(p, channel, httpPort);
        Await.until(Duration.ofSeconds(60), nodeId + " to answer", () -> answers(node));
        return node;
    }

    private static boolean answers(Node node) {
        try {
            FleetServiceGrpc.newBlockingStub(node.channel()).withDeadlineAfter(1, TimeUnit.SECONDS)
                    .listVehicles(ListVehiclesRequest.getDefaultInstance());
            return true;
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    private static LinkState linkOf(Node node, String vehicleId) {
        return FleetServiceGrpc.newBlockingStub(node.channel()).withDeadlineAfter(2, TimeUnit.SECONDS)
                .listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList().stream()
                .filter(v -> v.getVehicleId().equals(vehicleId)).map(v -> v.getLinkState()).findFirst()
                .orElse(LinkState.LINK_STATE_UNSPECIFIED);
    }

    /** The node's {@code skyfleet_cluster_owned_vehicles} gauge, read off its metrics page; -1 if it does not answer. */
    private static int owned(Node node) {
        String page;
        try {
            page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.httpPort() + "/metrics")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return page.lines().filter(l -> l.startsWith("skyfleet_cluster_owned_vehicles"))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A UDP port free on both 127.0.0.1 and 127.0.0.2, where the two nodes listen. */
    private static int freeUdpPort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                port = s.getLocalPort();
            }
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.2", port))) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no UDP port free on both 127.0.0.1 and 127.0.0.2");
    }
}
