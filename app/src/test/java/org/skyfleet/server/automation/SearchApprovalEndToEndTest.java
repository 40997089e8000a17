package org.skyfleet.server.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.proto.v1.ApproveSearchRequest;
import org.skyfleet.proto.v1.RejectSearchRequest;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.Incident;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.MissingPerson;
import org.skyfleet.proto.v1.SearchState;
import org.skyfleet.proto.v1.SubjectCategory;
import org.skyfleet.proto.v1.TimelineEntry;
import org.skyfleet.proto.v1.TimelineKind;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * A P3 missing person waits for a pilot: the plan is proposed, the wait escalates when nobody answers,
 * a pilot's approval launches the drones in their name; a rejected search stays on the ground; deciding
 * twice, on an unknown incident, or as an officer, is refused.
 */
class SearchApprovalEndToEndTest {
    private static final String SCENARIO = """
            {"name": "approval", "description": "two drones on the pad", "seed": 5, "durationS": 3600, "timeScale": 10,
             "home": {"latDeg": 53.385, "lonDeg": -1.873}, "homeAltAmslM": 300, "area": [], "night": false, "canopyCover": 0,
             "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 60, "fenceAction": "HOLD"},
             "vehicles": [{"name": "d1", "type": "MULTICOPTER", "camera": {"preset": "THERMAL", "falsePositivesPerMin": 0}},
                          {"name": "d2", "type": "MULTICOPTER", "camera": {"preset": "THERMAL", "falsePositivesPerMin": 0}}],
             "targets": [], "faults": []}
            """;

    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        SearchPolicy askQuickly = new SearchPolicy(SearchPolicy.defaults().automatic(), Duration.ofSeconds(2));
        server = SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults().withSearchPolicy(askQuickly),
                InstantSource.system());
        sim = Simulation.start(Scenario.parse(SCENARIO), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(Duration.ofSeconds(30), "both drones with home and battery",
                () -> server.registry().all().stream().filter(s -> s.home() != null && s.battery() != null).count() == 2);
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static IncidentServiceGrpc.IncidentServiceBlockingStub as(String subject, String role) {
        return IncidentServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static Incident create(String ref) {
        GeoPoint lkp = GeoPoint.newBuilder().setLatDeg(53.387).setLonDeg(-1.870).build();
        return as("dana", "dispatcher").createIncident(CreateIncidentRequest.newBuilder().setExternalId(ref)
                .setType(IncidentType.INCIDENT_TYPE_MISSING_PERSON).setPriority(IncidentPriority.INCIDENT_PRIORITY_P3)
                .setLocation(lkp).setSubjectDescription("teenager, 14, red jacket")
                .setMissingPerson(MissingPerson.newBuilder().setLastKnownPoint(lkp).setAgeYears(14)).build()).getIncident();
    }

    private static Incident get(String id) {
        return IncidentServiceGrpc.newBlockingStub(channel).getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build())
                .getIncident();
    }

    private static List<TimelineKind> kinds(String id) {
        return get(id).getTimelineList().stream().map(TimelineEntry::getKind).toList();
    }

    @Test
    void aWaitingSearchEscalatesThenFliesInTheNameOfThePilotWhoApprovedIt() {
        Incident created = create("CAD-77");
        assertThat(created.getMissingPerson().getCategory()).as("a 14-year-old").isEqualTo(SubjectCategory.SUBJECT_CATEGORY_CHILD_13_15);
        String id = created.getIncidentId();
        Await.until(Duration.ofSeconds(20), "the plan proposed", () -> get(id).getSearch().getState() != SearchState.SEARCH_STATE_NONE
                && get(id).getSearch().getState() != SearchState.SEARCH_STATE_UNSPECIFIED);
        assertThat(get(id).getSearch().getState()).as("%s", get(id).getSearch()).isEqualTo(SearchState.SEARCH_STATE_AWAITING_APPROVAL);
        Incident waiting = get(id);
        assertThat(waiting.getSearch().hasApprovalDeadline()).isTrue();
        assertThat(waiting.getSearch().getAssignmentsCount()).isBetween(1, 2);
        assertThat(kinds(id)).doesNotContain(TimelineKind.TIMELINE_KIND_DRONE_LAUNCHED);
        Await.until(Duration.ofSeconds(20), "the wait escalated", () -> get(id).getSearch().getState() == SearchState.SEARCH_STATE_ESCALATED);

        // A second call's search is proposed too, and a commander turns it down.
        String other = create("CAD-78").getIncidentId();
        Await.until(Duration.ofSeconds(20), "the second plan proposed",
                () -> get(other).getSearch().getState() == SearchState.SEARCH_STATE_AWAITING_APPROVAL);
        Incident rejected = as("cmdr", "commander").rejectSearch(RejectSearchRequest.newBuilder().setIncidentId(other)
                .setReason("helicopter already tasked").build()).getIncident();
        assertThat(rejected.getSearch().getState()).isEqualTo(SearchState.SEARCH_STATE_REJECTED);
        GrpcAssert.assertStatus(() -> as("cmdr", "commander").rejectSearch(RejectSearchRequest.newBuilder().setIncidentId(other).build()),
                Status.Code.FAILED_PRECONDITION, "REJECTED");
        GrpcAssert.assertStatus(() -> as("cmdr", "commander").rejectSearch(RejectSearchRequest.newBuilder().setIncidentId("inc-9999").build()),
                Status.Code.NOT_FOUND, "inc-9999");

        GrpcAssert.assertStatus(() -> as("olly", "officer").approveSearch(ApproveSearchRequest.newBuilder().setIncidentId(id).build()),
                Status.Code.PERMISSION_DENIED, "approve");
        Incident approved = as("pat", "pilot").approveSearch(ApproveSearchRequest.newBuilder().setIncidentId(id)
                .setReason("weather fine, area clear").build()).getIncident();
        assertThat(approved.getTimelineList()).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(TimelineKind.TIMELINE_KIND_SEARCH_APPROVED);
            assertThat(e.getActor()).contains("pat");
        });
        Await.until(Duration.ofSeconds(60), "a drone launched", () -> kinds(id).contains(TimelineKind.TIMELINE_KIND_DRONE_LAUNCHED));
        assertThat(get(id).getSearch().getState()).isEqualTo(SearchState.SEARCH_STATE_ACTIVE);
        assertThat(server.audit().entries()).anySatisfy(e -> assertThat(e.detail()).contains("approved by pat"));
        assertThat(kinds(other)).doesNotContain(TimelineKind.TIMELINE_KIND_DRONE_LAUNCHED);
        GrpcAssert.assertStatus(() -> as("pat", "pilot").approveSearch(ApproveSearchRequest.newBuilder().setIncidentId(id).build()),
                Status.Code.FAILED_PRECONDITION, "no search waiting");
    }

}
