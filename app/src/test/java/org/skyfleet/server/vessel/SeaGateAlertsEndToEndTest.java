package org.skyfleet.server.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.server.GrpcAssert.assertStatus;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneSchedule;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.vessel.SeaGateRules;
import org.skyfleet.fleet.vessel.SeaGateZones;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.ApproveVesselCheckRequest;
import org.skyfleet.proto.v1.ListVesselAlertsRequest;
import org.skyfleet.proto.v1.RejectVesselCheckRequest;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.VesselAlert;
import org.skyfleet.proto.v1.VesselAlertKind;
import org.skyfleet.proto.v1.VesselCheckState;
import org.skyfleet.proto.v1.VesselServiceGrpc;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.automation.SearchPolicy;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;
import org.skyfleet.simulator.ais.AisSentenceEncoder;

/**
 * Sea-gate alerts through the real wire: AIS over UDP, a simulated PX4 drone over MAVLink, gRPC callers. A boat
 * goes dark at sea, the drone check launches by policy, a boat sighting from that drone clears the alert; and a
 * boat leaving port outside its hours waits for approval, which only a pilot may give or decline.
 */
class SeaGateAlertsEndToEndTest {
    private static final GeoPoint PORT = new GeoPoint(29.944, 122.302);
    private static final SeaGateRules.Limits FAST = new SeaGateRules.Limits(0.5, Duration.ofSeconds(3), Duration.ofMinutes(15));

    private static SkyfleetServer start(boolean automatic) throws Exception {
        SearchPolicy policy = automatic ? new SearchPolicy(Map.of(IncidentType.OTHER, Map.of(IncidentPriority.P2, true)),
                Duration.ofMinutes(2)) : SearchPolicy.alwaysAsk(Duration.ofMinutes(2));
        SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults().withSearchPolicy(policy),
                new InMemoryStore(), InstantSource.system(), null, SeaGateConfig.ephemeral().withRuleLimits(FAST));
        // the port's gate opens from tomorrow on: any crossing now is outside its hours
        server.geofences().save(new Zone("shenjiamen", "Shenjiamen", new ZoneShape.Circle(PORT, 1500), ZoneKind.INCLUSION, null,
                new ZoneSchedule.Between(java.time.Instant.now().plus(Duration.ofDays(1)), null),
                ZoneCategory.SEA_GATE, SeaGateZones.VESSELS_ONLY, null));
        return server;
    }

    private static <S extends AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static void send(SkyfleetServer server, String... lines) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] b = String.join("\n", lines).getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(b, b.length, server.seaGate().aisUdpAddress()));
        }
    }

    private static VesselAlert alert(VesselServiceGrpc.VesselServiceBlockingStub vessels, VesselAlertKind kind) {
        return vessels.listVesselAlerts(ListVesselAlertsRequest.newBuilder().setIncludeSettled(true).build()).getAlertsList()
                .stream().filter(a -> a.getKind() == kind).findFirst().orElse(null);
    }

    @Test
    void aBoatGoingDarkIsCheckedByDroneAndASightingClearsTheAlert() throws Exception {
        try (SkyfleetServer server = start(true);
             Simulation sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1",
                     server.mavlinkAddress().getPort()), PORT.latDeg(), PORT.lonDeg(), 1, 0, 21))) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try {
                Await.until(Duration.ofSeconds(30), "the drone ready with a position and battery", () -> server.registry().all().stream()
                        .anyMatch(s -> s.position() != null && s.battery() != null && s.home() != null));
                var vessels = as(VesselServiceGrpc.newBlockingStub(channel), "watch", "commander");
                // under way at 8 knots, 3 km east of the port, then silent
                send(server, AisSentenceEncoder.staticAndVoyage(412440007L, 0, "BZ7", "ZHE PU YU 07", 30, "", 1).toArray(String[]::new));
                send(server, AisSentenceEncoder.positionReport(412440007L, 7, 29.944, 122.333, 4.1, 90, 90, 1));
                Await.until(Duration.ofSeconds(30), "the dark alert's drone check flying",
                        () -> { VesselAlert a = alert(vessels, VesselAlertKind.VESSEL_ALERT_KIND_WENT_DARK);
                                return a != null && a.getCheckState() == VesselCheckState.VESSEL_CHECK_STATE_CHECKING; });
                VesselAlert dark = alert(vessels, VesselAlertKind.VESSEL_ALERT_KIND_WENT_DARK);
                assertThat(dark.getVesselName()).isEqualTo("ZHE PU YU 07");
                assertThat(dark.getPredicted().getLonDeg()).isGreaterThan(dark.getLastSeen().getLonDeg()); // it kept going east
                String drone = dark.getDroneId();
                Await.until(Duration.ofSeconds(60), "the drone orbiting the predicted position", () -> server.incidents()
                        .get(dark.getIncidentId()).timeline().stream().anyMatch(e -> e.kind() == TimelineKind.DRONE_ORBITING));

                as(SightingServiceGrpc.newBlockingStub(channel), drone, "vehicle_edge").reportSighting(ReportSightingRequest.newBuilder()
                        .setSightingId("boat-1").setSource(SightingSource.SIGHTING_SOURCE_DRONE).setSourceId(drone)
                        .setPosition(dark.getPredicted()).setSigmaM(20).setTargetClass(TargetClass.TARGET_CLASS_BOAT)
                        .setConfidence(0.8).build());
                Await.until(Duration.ofSeconds(20), "the alert cleared", () -> alert(vessels, VesselAlertKind.VESSEL_ALERT_KIND_WENT_DARK)
                        .getCheckState() == VesselCheckState.VESSEL_CHECK_STATE_CLEARED);
                assertThat(server.incidents().get(dark.getIncidentId()).open()).isFalse();
                assertThat(server.incidents().get(dark.getIncidentId()).timeline()).extracting(e -> e.kind())
                        .contains(TimelineKind.CREATED, TimelineKind.DRONE_LAUNCHED, TimelineKind.DRONE_ORBITING, TimelineKind.SIGHTING,
                                TimelineKind.CLOSED);
                assertThat(server.audit().entries()).anyMatch(e -> e.action().equals("vessel check launch"));
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void leavingOutsideHoursWaitsForAPilotWhoMayDecline() throws Exception {
        try (SkyfleetServer server = start(false)) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try {
                var vessels = as(VesselServiceGrpc.newBlockingStub(channel), "pat", "pilot");
                send(server, AisSentenceEncoder.positionReport(412440008L, 0, PORT.latDeg(), PORT.lonDeg(), 3, 90, 90, 1));
                Await.until(Duration.ofSeconds(10), "the boat heard", () -> server.seaGate().registry().get(412440008L) != null);
                // the rules take vessel updates once a second, the latest of each: the first position must be taken alone
                Await.until(Duration.ofSeconds(10), "the first position taken by the rules", () -> server.seaGate().watch().updatesTaken() >= 1);
                send(server, AisSentenceEncoder.positionReport(412440008L, 0, PORT.latDeg(), 122.33, 3, 90, 90, 2));
                Await.until(Duration.ofSeconds(20), "the leaving alert waiting for approval", () -> {
                    VesselAlert a = alert(vessels, VesselAlertKind.VESSEL_ALERT_KIND_LEFT_OUTSIDE_HOURS);
                    return a != null && a.getCheckState() == VesselCheckState.VESSEL_CHECK_STATE_AWAITING_APPROVAL;
                });
                String id = alert(vessels, VesselAlertKind.VESSEL_ALERT_KIND_LEFT_OUTSIDE_HOURS).getAlertId();
                assertStatus(() -> as(VesselServiceGrpc.newBlockingStub(channel), "dan", "dispatcher").approveVesselCheck(
                        ApproveVesselCheckRequest.newBuilder().setAlertId(id).build()), Status.Code.PERMISSION_DENIED, "");
                assertStatus(() -> vessels.approveVesselCheck(ApproveVesselCheckRequest.newBuilder().setAlertId("sga-999").build()),
                        Status.Code.NOT_FOUND, "no vessel alert");
                VesselAlert rejected = vessels.rejectVesselCheck(RejectVesselCheckRequest.newBuilder().setAlertId(id)
                        .setReason("harbour master cleared it by radio").build()).getAlert();
                assertThat(rejected.getCheckState()).isEqualTo(VesselCheckState.VESSEL_CHECK_STATE_REJECTED);
                assertStatus(() -> vessels.rejectVesselCheck(RejectVesselCheckRequest.newBuilder().setAlertId(id).build()),
                        Status.Code.FAILED_PRECONDITION, "no drone check waiting");
                assertThat(server.incidents().get(rejected.getIncidentId()).timeline()).extracting(e -> e.kind())
                        .contains(TimelineKind.SEARCH_AWAITING_APPROVAL, TimelineKind.SEARCH_REJECTED);
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
