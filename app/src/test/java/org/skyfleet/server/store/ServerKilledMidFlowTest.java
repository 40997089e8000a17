package org.skyfleet.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.AuditServiceGrpc;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.GetControlRequest;
import org.skyfleet.proto.v1.ListAuditEntriesRequest;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SendCommandResponse;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.TimelineEntry;
import org.skyfleet.server.Await;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * {@code skyfleet serve} as its own process on its embedded store, killed with SIGKILL while incidents,
 * sightings and commands flow and drones stream: after a restart every acknowledged write is there (the
 * pilot's lease still holds, a command repeated by id is answered as before and not sent again), and
 * the drones, which never stopped sending, are back on the map within 5 s of the server answering.
 */
class ServerKilledMidFlowTest {
    private static final GeoPoint HILL = GeoPoint.newBuilder().setLatDeg(51.5034).setLonDeg(-0.1276).build();
    private static final String SCENARIO = """
            {"name": "crash", "description": "two drones on the pad", "seed": 9, "durationS": 0, "timeScale": 1,
             "home": {"latDeg": 51.5034, "lonDeg": -0.1276}, "homeAltAmslM": 20, "area": [], "night": false, "canopyCover": 0,
             "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 60, "fenceAction": "HOLD"},
             "vehicles": [{"name": "d1", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}},
                          {"name": "d2", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}}],
             "targets": [], "faults": []}
            """;

    @TempDir
    Path dataDir;

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process serve(int grpcPort, int httpPort, int mavlinkPort) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.skyfleet.app.cli.SkyfleetCommand", "serve",
                "--grpc-port", Integer.toString(grpcPort), "--http-port", Integer.toString(httpPort),
                "--mavlink-host", "127.0.0.1", "--mavlink-port", Integer.toString(mavlinkPort), "--data-dir", dataDir.toString(),
                "--register", "1,2", "--ais-port", "-1")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("dana", "dispatcher")),
                eachCallWithin(5));
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S asPilot(S stub) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pat", "pilot")),
                eachCallWithin(10));
    }

    /** A deadline for each call (a stub's own deadline is one instant, shared by every call made with it). */
    private static io.grpc.ClientInterceptor eachCallWithin(long seconds) {
        return new io.grpc.ClientInterceptor() {
            @Override
            public <Q, R> io.grpc.ClientCall<Q, R> interceptCall(io.grpc.MethodDescriptor<Q, R> method,
                                                                 io.grpc.CallOptions options, io.grpc.Channel next) {
                return next.newCall(method, options.withDeadlineAfter(seconds, TimeUnit.SECONDS));
            }
        };
    }

    /** Arms on even numbers, disarms on odd ones: a drone on the pad accepts both, every time. */
    private static SendCommandRequest armOrDisarm(String drone, int n) {
        SendCommandRequest.Builder b = SendCommandRequest.newBuilder().setCommandId("cmd-" + n).setVehicleId(drone);
        return n % 2 == 0 ? b.setArm(SendCommandRequest.Arm.getDefaultInstance()).build()
                : b.setDisarm(SendCommandRequest.Disarm.getDefaultInstance()).build();
    }

    private static boolean answers(ManagedChannel channel) {
        try {
            FleetServiceGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS).listVehicles(ListVehiclesRequest.getDefaultInstance());
            return true;
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    private static int vehicles(ManagedChannel channel) {
        return FleetServiceGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
                .listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesCount();
    }

    @Test
    void everyAcknowledgedWriteOutlivesAKillAndTheDronesComeBack() throws Exception {
        int grpcPort = freeTcpPort();
        int httpPort = freeTcpPort();
        int mavlinkPort = freeUdpPort();
        Process server = serve(grpcPort, httpPort, mavlinkPort);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        Simulation sim = null;
        try {
            Await.until(Duration.ofSeconds(60), "the server to answer", () -> answers(channel));
            sim = Simulation.start(Scenario.parse(SCENARIO), new InetSocketAddress("127.0.0.1", mavlinkPort));
            Await.until(Duration.ofSeconds(30), "both drones on the map", () -> vehicles(channel) == 2);

            // A pilot flies d1 while the calls come in: every command answered is written down here.
            String drone = FleetServiceGrpc.newBlockingStub(channel).listVehicles(ListVehiclesRequest.getDefaultInstance())
                    .getVehicles(0).getVehicleId();
            var pilot = asPilot(FleetServiceGrpc.newBlockingStub(channel));
            pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(600).build());
            Map<String, SendCommandResponse> commands = new LinkedHashMap<>();

            // Calls and sightings flow; what the server acknowledged is written down here.
            List<String> incidents = new ArrayList<>();
            List<String> sightings = new ArrayList<>();
            var incidentApi = as(IncidentServiceGrpc.newBlockingStub(channel));
            var sightingApi = as(SightingServiceGrpc.newBlockingStub(channel));
            for (int i = 0; i < 40; i++) {
                incidents.add(incidentApi.createIncident(CreateIncidentRequest.newBuilder().setExternalId("CAD-" + i)
                        .setType(IncidentType.INCIDENT_TYPE_SUSPECT).setPriority(IncidentPriority.INCIDENT_PRIORITY_P2)
                        .setLocation(HILL).build()).getIncident().getIncidentId());
                for (int j = 0; j < 3; j++) {
                    String id = "s-" + i + "-" + j;
                    sightingApi.reportSighting(ReportSightingRequest.newBuilder().setSightingId(id)
                            .setSource(SightingSource.SIGHTING_SOURCE_CITIZEN).setSourceId("call-" + i).setPosition(HILL)
                            .setSigmaM(30).setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.5)
                            .setIncidentId(incidents.get(i)).build());
                    sightings.add(id);
                }
                if (i % 4 == 0) {
                    SendCommandRequest c = armOrDisarm(drone, i / 4);
                    commands.put(c.getCommandId(), pilot.sendCommand(c));
                }
            }
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

            server = serve(grpcPort, httpPort, mavlinkPort);
            Await.until(Duration.ofSeconds(60), "the restarted server to answer", () -> answers(channel));
            long answeredAt = System.nanoTime();
            Await.until(Duration.ofSeconds(5), "both drones back on the map within 5 s", () -> vehicles(channel) == 2);
            assertThat(Duration.ofNanos(System.nanoTime() - answeredAt)).isLessThan(Duration.ofSeconds(5));

            var after = as(IncidentServiceGrpc.newBlockingStub(channel));
            for (int i = 0; i < incidents.size(); i++) {
                var incident = after.getIncident(GetIncidentRequest.newBuilder().setIncidentId(incidents.get(i)).build()).getIncident();
                assertThat(incident.getExternalId()).isEqualTo("CAD-" + i);
                assertThat(incident.getTimelineList()).extracting(TimelineEntry::getSightingId)
                        .contains("s-" + i + "-0", "s-" + i + "-1", "s-" + i + "-2");
            }
            // A sighting acknowledged before the kill is known after it: reported again, it is a duplicate.
            var again = as(SightingServiceGrpc.newBlockingStub(channel)).reportSighting(ReportSightingRequest.newBuilder()
                    .setSightingId(sightings.get(sightings.size() - 1)).setSource(SightingSource.SIGHTING_SOURCE_CITIZEN)
                    .setSourceId("call-39").setPosition(HILL).setSigmaM(30).setTargetClass(TargetClass.TARGET_CLASS_PERSON)
                    .setConfidence(0.5).build());
            assertThat(again.getSightingId()).isEqualTo(sightings.get(sightings.size() - 1));
            assertThat(again.getDuplicate()).isTrue();

            // The lease held; each command answered before the kill is in the audit once, and repeating the
            // last one by its id gets the same answer without sending it to the drone again.
            var pilotAfter = asPilot(FleetServiceGrpc.newBlockingStub(channel));
            assertThat(pilotAfter.getControl(GetControlRequest.newBuilder().setVehicleId(drone).build()).getLease().getHolderSubject())
                    .isEqualTo("pat");
            assertThat(commands.values()).extracting(SendCommandResponse::getResult).containsOnly(CommandResult.COMMAND_RESULT_ACCEPTED);
            int last = commands.size() - 1;
            SendCommandResponse repeated = pilotAfter.sendCommand(armOrDisarm(drone, last));
            assertThat(repeated).isEqualTo(commands.get("cmd-" + last));
            var audit = AuditServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                    CallerInterceptor.headers("cmdr", "commander"))).listAuditEntries(ListAuditEntriesRequest.newBuilder()
                    .setLimit(10_000).build());
            assertThat(audit.getChainIntact()).isTrue();
            for (String id : commands.keySet()) {
                assertThat(audit.getEntriesList()).filteredOn(e -> e.getAction().startsWith("command ")
                        && e.getDetail().startsWith("id " + id + " ")).as(id).hasSize(1);
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
            channel.shutdownNow();
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
