package org.skyfleet.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.Incident;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.MissingPerson;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.SubjectCategory;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.TimelineEntry;
import org.skyfleet.proto.v1.TimelineKind;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * A missing-person search is flying when the server stops; started again on its store, it takes the search
 * up: the drones still flying its missions are followed again, so a sighting one of them reports is filed
 * under the incident, as before the restart. (In a cluster the same happens on the node that takes the
 * records over.)
 */
class SearchCarriesOnAcrossARestartTest {
    private static final GeoPoint CARE_HOME = GeoPoint.newBuilder().setLatDeg(53.3912).setLonDeg(-1.8647).build();

    @TempDir
    Path dataDir;
    private Simulation sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private SkyfleetServer start(int mavlinkPort) throws Exception {
        // four vehicles at 30x real time from one host: over one source IP's default budget
        return SkyfleetServer.start(ServerConfig.ephemeral().withMavlink("127.0.0.1", mavlinkPort, 1).withMavlinkSourceRate(20_000),
                AutomationConfig.defaults(), JdbcStore.openEmbedded(dataDir), InstantSource.system());
    }

    @Test
    void aSearchFlyingWhenTheServerStopsIsTakenUpWhenItStartsAgain() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // the hill at 30 times real time, no camera reports: the search goes on until the test is done with it
        Scenario scenario = Scenario.parse(Files.readString(Path.of("../scenarios/missing-person-forested-hill.json"))
                .replace("\"timeScale\": 1,", "\"timeScale\": 30,")
                .replace("\"lostLinkTimeoutS\": 30", "\"lostLinkTimeoutS\": 300"));
        String incidentId;
        List<String> flying;
        try (SkyfleetServer first = start(port)) {
            sim = Simulation.start(scenario, new InetSocketAddress("127.0.0.1", port));
            Await.until(Duration.ofSeconds(30), "four drones with a home position",
                    () -> first.registry().all().stream().filter(v -> v.home() != null && v.battery() != null).count() == 4);
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", first.grpcPort()).usePlaintext().build();
            try {
                incidentId = as(IncidentServiceGrpc.newBlockingStub(channel), "dana", "dispatcher").createIncident(
                        CreateIncidentRequest.newBuilder().setExternalId("CAD-RESTART-1").setType(IncidentType.INCIDENT_TYPE_MISSING_PERSON)
                                .setPriority(IncidentPriority.INCIDENT_PRIORITY_P1).setLocation(CARE_HOME)
                                .setMissingPerson(MissingPerson.newBuilder().setLastKnownPoint(CARE_HOME)
                                        .setCategory(SubjectCategory.SUBJECT_CATEGORY_DEMENTIA).setAgeYears(82))
                                .build()).getIncident().getIncidentId();
                Await.until(Duration.ofSeconds(60), "drones launched on the search", () -> !launched(first, incidentId).isEmpty());
                flying = launched(first, incidentId);
            } finally {
                channel.shutdownNow();
            }
        }

        try (SkyfleetServer second = start(port)) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", second.grpcPort()).usePlaintext().build();
            try {
                var incidents = as(IncidentServiceGrpc.newBlockingStub(channel), "cmdr", "commander");
                Await.until(Duration.ofSeconds(15), "the search taken up again", () -> timeline(incidents, incidentId).stream()
                        .anyMatch(e -> e.getKind() == TimelineKind.TIMELINE_KIND_NOTE && e.getText().contains("taken up again")));
                String resumed = timeline(incidents, incidentId).stream().filter(e -> e.getText().contains("taken up again"))
                        .findFirst().orElseThrow().getText();
                assertThat(flying).as("the drones launched before the restart").isNotEmpty();
                assertThat(resumed).contains(flying.get(0));
                // a searching drone's camera report names no incident: the server files it under the search it flies
                Await.until(Duration.ofSeconds(30), flying.get(0) + " back in the air on the server's records",
                        () -> second.records().orElseThrow().search().incidentOfVehicle(flying.get(0)).isPresent());
                as(SightingServiceGrpc.newBlockingStub(channel), "edge", "commander").reportSighting(ReportSightingRequest.newBuilder()
                        .setSightingId("after-restart-1").setSource(SightingSource.SIGHTING_SOURCE_DRONE).setSourceId(flying.get(0))
                        .setPosition(CARE_HOME).setSigmaM(15).setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.6).build());
                assertThat(timeline(incidents, incidentId)).as("the sighting filed under the resumed search")
                        .anyMatch(e -> e.getKind() == TimelineKind.TIMELINE_KIND_SIGHTING && e.getText().contains(flying.get(0)));
            } finally {
                channel.shutdownNow();
            }
        }
    }

    /** The drones whose launch the incident's timeline records. */
    private static List<String> launched(SkyfleetServer server, String incidentId) {
        return server.incidents().get(incidentId).timeline().stream()
                .filter(e -> e.kind() == org.skyfleet.fleet.incident.TimelineKind.DRONE_LAUNCHED).map(e -> e.vehicleId()).toList();
    }

    private static List<TimelineEntry> timeline(IncidentServiceGrpc.IncidentServiceBlockingStub incidents, String id) {
        Incident i = incidents.getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build()).getIncident();
        return i.getTimelineList();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }
}
