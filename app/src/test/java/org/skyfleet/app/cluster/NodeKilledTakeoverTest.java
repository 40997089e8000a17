package org.skyfleet.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.skyfleet.proto.v1.AuditEntry;
import org.skyfleet.proto.v1.AuditServiceGrpc;
import org.skyfleet.proto.v1.ListAuditEntriesRequest;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.ReportSightingResponse;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.server.Await;
import org.skyfleet.server.TestPostgres;
import org.skyfleet.cluster.bus.BusSubjects;
import org.skyfleet.cluster.bus.NatsDurableLog;
import org.skyfleet.cluster.bus.NatsTestServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * Two {@code skyfleet serve} processes on the real NATS and one shared PostgreSQL database, a simulated
 * drone streaming to both. Node A owns the drone's link and leads the records; incidents and sightings are
 * written through node B, which forwards them to A. A is killed with SIGKILL: B takes the drone over from
 * its own datagrams once A's ownership lease runs out, commands it through its own link, and takes the
 * records over from the shared store: every incident and sighting A acknowledged is there, a repeated
 * sighting is a duplicate on the same track, new ids do not collide with A's, and the audit chain both
 * nodes wrote is whole. Everything A acknowledged is also on the durable log.
 */
class NodeKilledTakeoverTest {
    private static final GeoPoint HILL = GeoPoint.newBuilder().setLatDeg(51.5034).setLonDeg(-0.1276).build();
    /** The default ownership lease of {@code serve}, which the records leader's lease is too. */
    private static final Duration OWNER_LEASE = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    private record Node(Process process, ManagedChannel channel, int httpPort) {
    }

    @Test
    void theOwnersDeathHandsTheDroneAndTheRecordsToTheOtherNodeAndLosesNothingItAcknowledged() throws Exception {
        try (Connection probe = NatsTestServer.connect("probe")) { // skips, or fails in CI, without NATS
            assertThat(probe).isNotNull();
        }
        int mavlinkPort = ClusterNodes.freeUdpPortOnBoth();
        String a = NatsTestServer.unique("kill-a-");
        String b = NatsTestServer.unique("kill-b-");
        InetSocketAddress atA = new InetSocketAddress("127.0.0.1", mavlinkPort);
        InetSocketAddress atB = new InetSocketAddress("127.0.0.2", mavlinkPort);
        String drone = "mav-" + mavlinkPort + "-1";
        List<Node> nodes = new ArrayList<>();
        Simulation sim = null;
        try (TestPostgres database = TestPostgres.freshSchema()) {
            Node nodeA = start(a, atA, database.url());
            nodes.add(nodeA);
            sim = Simulation.start(SimulationConfig.around(atA, 51.5034, -0.1276, 1, 0, 5), List.of(atA, atB));
            Await.until(Duration.ofSeconds(30), "node A to own the drone", () -> gauge(nodeA, "skyfleet_cluster_owned_vehicles") == 1);
            // a leader left by an earlier run on this NATS holds the records until its lease runs out
            Await.until(OWNER_LEASE.plusSeconds(20), "node A to lead the records", () -> gauge(nodeA, "skyfleet_records_leader") == 1);
            Node nodeB = start(b, atB, database.url());
            nodes.add(nodeB);
            Await.until(Duration.ofSeconds(30), "node B to see the drone live through the bus",
                    () -> linkOf(nodeB, drone) == LinkState.LINK_STATE_CONNECTED);
            assertThat(gauge(nodeB, "skyfleet_cluster_owned_vehicles")).as("B hears the drone but leaves it to its owner").isZero();
            assertThat(gauge(nodeB, "skyfleet_records_leader")).isZero();

            // written through B, served by A
            List<String> acknowledged = new ArrayList<>();
            var incidentsViaB = as(IncidentServiceGrpc.newBlockingStub(nodeB.channel()), "dana", "dispatcher");
            String run = NatsTestServer.unique("CAD-");
            for (int i = 0; i < 10; i++) {
                acknowledged.add(incidentsViaB.createIncident(CreateIncidentRequest.newBuilder().setExternalId(run + "-" + i)
                        .setType(IncidentType.INCIDENT_TYPE_SUSPECT).setPriority(IncidentPriority.INCIDENT_PRIORITY_P2)
                        .setLocation(HILL).build()).getIncident().getIncidentId());
            }
            assertThat(as(IncidentServiceGrpc.newBlockingStub(nodeA.channel()), "cmdr", "commander")
                    .getIncident(GetIncidentRequest.newBuilder().setIncidentId(acknowledged.get(9)).build()).getIncident()
                    .getExternalId()).as("the leader holds what B took").isEqualTo(run + "-9");
            var sightingsViaB = as(SightingServiceGrpc.newBlockingStub(nodeB.channel()), "cmdr", "commander");
            String track = "";
            for (int i = 0; i < 3; i++) {
                ReportSightingResponse r = sightingsViaB.reportSighting(sighting(run + "-s" + i, acknowledged.get(0)));
                assertThat(r.getDuplicate()).isFalse();
                track = r.getTrackId();
            }
            assertThat(track).startsWith("trk-");

            nodeA.process().destroyForcibly(); // SIGKILL: no release of its vehicles or the records, no goodbye on the bus
            assertThat(nodeA.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            long killedAt = System.nanoTime();
            Await.until(OWNER_LEASE.plusSeconds(10), "node B to take the drone over",
                    () -> gauge(nodeB, "skyfleet_cluster_owned_vehicles") == 1);
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            // The drone never stopped sending to B: B may take it once A's lease has run out, and must within 5 s of that.
            assertThat(takeover).as("takeover after the kill").isLessThan(OWNER_LEASE.plusSeconds(5));
            Await.until(OWNER_LEASE.plusSeconds(10), "node B to lead the records", () -> gauge(nodeB, "skyfleet_records_leader") == 1);
            Duration recordsTakeover = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(recordsTakeover).as("records taken over after the kill").isLessThan(OWNER_LEASE.plusSeconds(5));
            System.out.printf("after SIGKILL of the owner and records leader: drone taken over in %d ms, records in %d ms%n",
                    takeover.toMillis(), recordsTakeover.toMillis());
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

            // What A acknowledged is in the shared store, and B carries on from it...
            var commander = as(IncidentServiceGrpc.newBlockingStub(nodeB.channel()), "cmdr", "commander");
            for (int i = 0; i < acknowledged.size(); i++) {
                assertThat(commander.getIncident(GetIncidentRequest.newBuilder().setIncidentId(acknowledged.get(i)).build())
                        .getIncident().getExternalId()).isEqualTo(run + "-" + i);
            }
            assertThat(incidentsViaB.createIncident(CreateIncidentRequest.newBuilder().setExternalId(run + "-3")
                    .setType(IncidentType.INCIDENT_TYPE_SUSPECT).setPriority(IncidentPriority.INCIDENT_PRIORITY_P2).setLocation(HILL).build()).getIncident().getIncidentId())
                    .as("a call delivered again is the incident A made").isEqualTo(acknowledged.get(3));
            String fresh = incidentsViaB.createIncident(CreateIncidentRequest.newBuilder().setExternalId(run + "-new")
                    .setType(IncidentType.INCIDENT_TYPE_SUSPECT).setPriority(IncidentPriority.INCIDENT_PRIORITY_P2).setLocation(HILL).build()).getIncident().getIncidentId();
            assertThat(acknowledged).as("B numbers after A's incidents").doesNotContain(fresh);
            ReportSightingResponse repeated = sightingsViaB.reportSighting(sighting(run + "-s2", acknowledged.get(0)));
            assertThat(repeated.getDuplicate()).isTrue();
            assertThat(repeated.getTrackId()).isEqualTo(track);
            assertThat(sightingsViaB.reportSighting(sighting(run + "-s3", acknowledged.get(0))).getTrackId())
                    .as("a new sighting at the spot joins A's track").isEqualTo(track);
            // ...the audit chain A and B wrote is whole...
            List<AuditEntry> chain = as(AuditServiceGrpc.newBlockingStub(nodeB.channel()), "cmdr", "commander")
                    .listAuditEntries(ListAuditEntriesRequest.newBuilder().setLimit(10_000).build()).getEntriesList();
            assertThat(chain).extracting(AuditEntry::getActor).anyMatch(actor -> actor.startsWith("dana"))
                    .anyMatch(actor -> actor.startsWith("pat"));
            for (int i = 0; i < chain.size(); i++) {
                assertThat(chain.get(i).getSequence()).isEqualTo(i + 1L);
                if (i > 0) {
                    assertThat(chain.get(i).getPreviousHash()).isEqualTo(chain.get(i - 1).getHash());
                }
            }
            // ...and on the durable log.
            try (Connection nats = NatsTestServer.connect("check")) {
                JetStreamManagement jsm = nats.jetStreamManagement();
                for (int i = 0; i < acknowledged.size(); i++) {
                    MessageInfo last = jsm.getLastMessage(NatsDurableLog.STREAM,
                            BusSubjects.record(BusSubjects.RECORD_ROOT, RecordKind.INCIDENT, acknowledged.get(i)));
                    assertThat(new String(last.getData(), StandardCharsets.ISO_8859_1)).contains(run + "-" + i);
                }
            }
            // A comes back as a follower: its record calls go to B.
            Node again = start(a, atA, database.url());
            nodes.add(again);
            var throughA = as(IncidentServiceGrpc.newBlockingStub(again.channel()), "cmdr", "commander");
            Await.until(Duration.ofSeconds(15), "A to find the records leader", () -> {
                try {
                    return throughA.getIncident(GetIncidentRequest.newBuilder().setIncidentId(fresh).build())
                            .getIncident().getExternalId().equals(run + "-new");
                } catch (StatusRuntimeException e) {
                    return false;
                }
            });
            assertThat(gauge(again, "skyfleet_records_leader")).isZero();
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

    private static ReportSightingRequest sighting(String id, String incidentId) {
        return ReportSightingRequest.newBuilder().setSightingId(id).setSource(SightingSource.SIGHTING_SOURCE_OFFICER)
                .setSourceId("unit-7").setPosition(HILL).setSigmaM(10).setTargetClass(TargetClass.TARGET_CLASS_PERSON)
                .setConfidence(0.9).setIncidentId(incidentId).build();
    }

    private Node start(String nodeId, InetSocketAddress mavlink, String storeUrl) throws Exception {
        Path log = dir.resolve(nodeId + ".log");
        int grpcPort = freeTcpPort();
        int httpPort = freeTcpPort();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.skyfleet.app.cli.SkyfleetCommand", "serve",
                "--bus", NatsTestServer.URL, "--node-id", nodeId, "--grpc-port", Integer.toString(grpcPort),
                "--http-port", Integer.toString(httpPort), "--mavlink-host", mavlink.getHostString(),
                "--mavlink-port", Integer.toString(mavlink.getPort()), "--store-url", storeUrl, "--register", "1", "--ais-port", "-1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
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

    /** A gauge off the node's metrics page (summed over its tags); -1 if the node does not answer. */
    private static int gauge(Node node, String name) {
        String page;
        try {
            page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.httpPort() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return page.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
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

}
