package org.skyfleet.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.airframe.AirframeType;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.TimelineEntry;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.controlplane.VehicleIds;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * The wind guard on the real wire, from the drones' own telemetry: a gale of 14 m/s over the simulated docks, reported
 * by a PX4 drone (WIND_COV) and an ArduPilot one (WIND), both of a 12 m/s airframe. Nobody reports the wind over the
 * API; a traffic call is refused with the wind and the limit on its timeline, and no drone is armed.
 */
class WindRefusalEndToEndTest {
    private SkyfleetServer server;
    private Simulation sim;
    private ManagedChannel channel;

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

    @Test
    void aWindyDronesOwnTelemetryRefusesTheCallWithTheWindOnTheTimeline() throws Exception {
        String scenarioJson = """
                {"name": "gale", "description": "two docks in a gale", "seed": 7, "durationS": 600, "timeScale": 1,
                 "home": {"latDeg": 29.872, "lonDeg": 121.556}, "homeAltAmslM": 5, "area": [], "night": false, "canopyCover": 0,
                 "wind": {"speedMps": 14, "fromDeg": 90, "gustMps": 0},
                 "failsafe": {"batteryReturnPercent": 15, "batteryLandPercent": 8, "lostLinkTimeoutS": 600, "fenceAction": "HOLD"},
                 "vehicles": [
                   {"name": "px4-dock", "type": "MULTICOPTER", "start": {"latDeg": 29.872, "lonDeg": 121.556}, "enduranceS": 1500},
                   {"name": "ardu-dock", "type": "MULTICOPTER", "autopilot": "ARDUPILOT_LEGACY",
                    "start": {"latDeg": 29.872, "lonDeg": 121.5563}, "enduranceS": 1500}],
                 "targets": [], "faults": []}
                """;
        server = SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults(), new InMemoryStore(), InstantSource.system(),
                org.skyfleet.app.NodeParts.defaults());
        Scenario scenario = Scenario.parse(scenarioJson);
        Function<String, String> ids = VehicleIds.mavlink(scenario, server.links().get(0).config().linkName());
        sim = Simulation.start(scenario, new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        Operator pilot = new Operator("pilot-li", Operator.Role.PILOT);
        Await.until(Duration.ofSeconds(20), "both drones linked with a position and a battery",
                () -> server.registry().all().stream().filter(s -> s.position() != null && s.battery() != null).count() == 2);
        server.aircraft().airframes().create(new AirframeProfile("gale-quad", "quadrotor", AirframeType.MULTICOPTER, 15, 15, 3,
                1500, 12, "zoom and thermal camera", "PX4", 0, 0, 0, 0), pilot);
        for (String name : List.of("px4-dock", "ardu-dock")) {
            server.aircraft().airframes().bind(ids.apply(name), "gale-quad", pilot);
        }
        // each drone's own wind, over the wire: about 14 m/s from the east
        Await.until(Duration.ofSeconds(20), "both drones' wind reports", () -> List.of("px4-dock", "ardu-dock").stream()
                .allMatch(n -> server.windReports().latest(ids.apply(n))
                        .filter(w -> Math.abs(w.speedMps() - 14) < 0.5 && Math.abs(w.fromDeg() - 90) < 2).isPresent()));

        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        var dispatcher = IncidentServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("desk-3", "dispatcher")));
        String id = dispatcher.createIncident(CreateIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_TRAFFIC)
                .setPriority(IncidentPriority.INCIDENT_PRIORITY_P1).setSubjectDescription("110 call: a crash on the bridge")
                .setLocation(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(29.872).setLonDeg(121.566)).build())
                .getIncident().getIncidentId();
        Await.until(Duration.ofSeconds(10), "the wind refusal on the timeline", () -> timeline(dispatcher, id).stream()
                .anyMatch(e -> e.getCode().equals("NOTE_RESPONSE_REFUSED_WIND")));
        TimelineEntry refusal = timeline(dispatcher, id).stream().filter(e -> e.getCode().equals("NOTE_RESPONSE_REFUSED_WIND"))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(refusal.getParamsMap().get("wind_m_s"))).isBetween(13.5, 14.5);
        assertThat(refusal.getParamsMap()).containsEntry("limit_m_s", "12.0").containsEntry("others", "1");
        assertThat(refusal.getText()).contains(ids.apply("px4-dock")).contains(ids.apply("ardu-dock")).contains("limit of 12.0 m/s");
        assertThat(server.audit().entries()).noneMatch(a -> a.actor().contains("automation-response") && a.action().contains("arm"));
        assertThat(server.registry().all()).allSatisfy(v -> assertThat(v.status().landedState()).isNotEqualTo(LandedState.IN_AIR));
    }

    private static List<TimelineEntry> timeline(IncidentServiceGrpc.IncidentServiceBlockingStub dispatcher, String id) {
        return dispatcher.getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build()).getIncident().getTimelineList();
    }
}
