package org.skyfleet.simulator.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.skyfleet.simulator.Eventually.await;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.proto.v1.Assignment;
import org.skyfleet.proto.v1.AssignmentState;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.proto.v1.UnitType;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.controlplane.ProtoMapping;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.link.MemoryLink;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.scenario.UnitSpec;
import org.skyfleet.simulator.sensor.DetectionSink;

/**
 * Officers' apps against an in-process dispatch server, the simulation driven by hand: simulated time
 * only moves when the test advances it, and the test waits for the apps' gRPC callbacks in between.
 */
class OfficerAppTest {
    private static final GeoPoint HOME = TestScenarios.HOME;

    private final FakeDispatchService dispatch = new FakeDispatchService();
    private Server server;
    private ManagedChannel channel;
    private Simulation sim;
    private GroundUnits units;

    @BeforeEach
    void startServer() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(dispatch, dispatch))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @AfterEach
    void stop() {
        if (units != null) {
            units.close();
        }
        if (sim != null) {
            sim.close();
        }
        channel.shutdownNow();
        server.shutdownNow();
    }

    private void start(UnitSpec... specs) {
        open(specs);
        for (UnitSpec u : specs) {
            await(u.id() + "'s position stream", () -> units.app(u.id()).state().reporting());
        }
    }

    private void open(UnitSpec... specs) {
        Scenario s = TestScenarios.of(1, List.of(TestScenarios.drone("drone-1"))).withUnits(List.of(specs));
        sim = Simulation.manual(s, name -> new MemoryLink().vehicleEnd(), DetectionSink.discard());
        units = GroundUnits.start(sim, channel, OfficerApp.Options.defaults().withBearerToken("t0k"));
        sim.advance(Duration.ofMillis(10));
        for (UnitSpec u : specs) {
            await(u.id() + "'s assignment stream", () -> dispatch.streams.containsKey(u.id()));
        }
    }

    private static GeoPoint local(double eastM, double northM) {
        return new GeoPoint(TestScenarios.FRAME.latDeg(northM), TestScenarios.FRAME.lonDeg(eastM));
    }

    private static Assignment assignment(String id, String unit, AssignmentState state, GeoPoint target) {
        return Assignment.newBuilder().setAssignmentId(id).setUnitId(unit).setIncidentId("inc-1").setTrackId("trk-1")
                .setTarget(ProtoMapping.geoPoint(target)).setState(state).build();
    }

    @Test
    void acknowledgesWalksFollowsTheMovedTargetAndReportsArrivalOnce() {
        start(UnitSpec.officer("officer-1", HOME));
        OfficerApp app = units.app("officer-1");
        GeoPoint first = local(0, 200);
        GeoPoint moved = local(100, 200);

        dispatch.push(assignment("a-1", "officer-1", AssignmentState.ASSIGNMENT_STATE_OFFERED, first));
        await("the offer", () -> app.state().phase() == OfficerApp.Phase.OFFERED);
        sim.advance(Duration.ofMillis(10));
        await("acknowledged", () -> app.state().phase() == OfficerApp.Phase.EN_ROUTE);
        assertThat(dispatch.acknowledgements("a-1")).isEqualTo(1);

        sim.advance(Duration.ofSeconds(60));
        assertThat(app.unit().distanceM(HOME)).isCloseTo(96, within(0.1));

        dispatch.push(assignment("a-1", "officer-1", AssignmentState.ASSIGNMENT_STATE_ACKNOWLEDGED, moved));
        await("the moved target", () -> moved.equals(app.state().target()));
        sim.advance(Duration.ofSeconds(150));
        await("arrival", () -> app.state().arrived());
        sim.advance(Duration.ofSeconds(60));

        assertThat(dispatch.arrivals("a-1")).isEqualTo(1);
        assertThat(dispatch.acknowledgements("a-1")).isEqualTo(1);
        OfficerApp.State state = app.state();
        assertThat(state.arrivalsSent()).isEqualTo(1);
        assertThat(state.assignmentId()).isEqualTo("a-1");
        assertThat(app.unit().distanceM(moved)).isLessThanOrEqualTo(15.0);
        assertThat(app.unit().distanceM(first)).isGreaterThan(80.0);
        assertThat(app.unit().destination()).as("stays where it arrived").isNull();
    }

    @Test
    void reportsItsPositionEveryTwoSimulatedSecondsAsItself() {
        start(UnitSpec.officer("officer-1", HOME));
        OfficerApp app = units.app("officer-1");
        for (int i = 0; i < 30; i++) {  // reports due at 0.01 s (the first step), 2.01 s ... 60.01 s
            await("ready for the next report", () -> app.state().reporting());
            sim.advance(Duration.ofSeconds(2));
        }
        OfficerApp.State state = app.state();
        // The first falls due as the stream opens: if the transport is not ready yet, it is skipped, not queued.
        assertThat(state.reportsSent() + state.reportsSkipped()).isEqualTo(31);
        assertThat(state.reportsSkipped()).isLessThanOrEqualTo(1);
        await("the reports sent", () -> dispatch.positions.size() == state.reportsSent());
        assertThat(dispatch.positions).allSatisfy(r -> {
            assertThat(r.getUnitId()).isEqualTo("officer-1");
            assertThat(r.getUnitType()).isEqualTo(UnitType.UNIT_TYPE_OFFICER_ON_FOOT);
            assertThat(r.getStatus()).isEqualTo(UnitStatus.UNIT_STATUS_AVAILABLE);
            assertThat(r.getPosition().getLatDeg()).isCloseTo(HOME.latDeg(), within(1e-9));
        });
        int n = dispatch.positions.size();
        long lastMs = dispatch.positions.get(n - 1).getTime().getSeconds() * 1000
                + dispatch.positions.get(n - 1).getTime().getNanos() / 1_000_000;
        long previousMs = dispatch.positions.get(n - 2).getTime().getSeconds() * 1000
                + dispatch.positions.get(n - 2).getTime().getNanos() / 1_000_000;
        assertThat(lastMs).isEqualTo(Simulation.MANUAL_EPOCH_MS + 60_010);
        assertThat(lastMs - previousMs).isEqualTo(2000);
        assertThat(dispatch.headers).allSatisfy(h -> {
            assertThat(h.get(OfficerApp.SUBJECT)).isEqualTo("officer-1");
            assertThat(h.get(OfficerApp.ROLE)).isEqualTo("officer");
            assertThat(h.get(OfficerApp.AUTHORIZATION)).isEqualTo("Bearer t0k");
        });
    }

    @Test
    void reportsThatFallDueWhileTheServerIsNotReadingAreSkippedNotQueued() {
        dispatch.stallPositions = true;
        open(UnitSpec.officer("officer-1", HOME));
        sim.advance(Duration.ofSeconds(600));
        OfficerApp.State state = units.app("officer-1").state();
        assertThat(state.reportsSent() + state.reportsSkipped()).isEqualTo(301);
        assertThat(state.reportsSent()).isLessThan(50);
    }

    @Test
    void aUnitThatNeverAcknowledgesStaysPutAndStandsDownWhenReassigned() {
        UnitSpec silent = new UnitSpec("officer-2", UnitSpec.Type.OFFICER_ON_FOOT, null, HOME, null, false, null, null);
        UnitSpec slow = new UnitSpec("officer-3", UnitSpec.Type.OFFICER_ON_FOOT, null, HOME, null, null, 30.0, null);
        start(silent, slow);
        OfficerApp silentApp = units.app("officer-2");
        OfficerApp slowApp = units.app("officer-3");
        dispatch.push(assignment("a-2", "officer-2", AssignmentState.ASSIGNMENT_STATE_OFFERED, local(0, 500)));
        dispatch.push(assignment("a-3", "officer-3", AssignmentState.ASSIGNMENT_STATE_OFFERED, local(0, 500)));
        await("the offers", () -> silentApp.state().phase() == OfficerApp.Phase.OFFERED
                && slowApp.state().phase() == OfficerApp.Phase.OFFERED);

        sim.advance(Duration.ofSeconds(29));
        assertThat(slowApp.state().acknowledgementsSent()).as("not before its 30 s delay").isZero();
        sim.advance(Duration.ofSeconds(2));
        await("the slow acknowledgement", () -> dispatch.acknowledgements("a-3") == 1);
        sim.advance(Duration.ofSeconds(60));

        assertThat(dispatch.acknowledgements("a-2")).isZero();
        assertThat(silentApp.state().acknowledgementsSent()).isZero();
        assertThat(silentApp.state().phase()).isEqualTo(OfficerApp.Phase.OFFERED);
        assertThat(silentApp.unit().distanceM(HOME)).isZero();

        dispatch.push(assignment("a-2", "officer-2", AssignmentState.ASSIGNMENT_STATE_REASSIGNED, local(0, 500)));
        dispatch.push(assignment("a-3", "officer-3", AssignmentState.ASSIGNMENT_STATE_CANCELLED, local(0, 500)));
        await("stood down", () -> silentApp.state().phase() == OfficerApp.Phase.IDLE
                && slowApp.state().phase() == OfficerApp.Phase.IDLE);
        GeoPoint stoppedAt = slowApp.unit().position();
        sim.advance(Duration.ofSeconds(10));
        assertThat(slowApp.unit().distanceM(stoppedAt)).as("stops where it is").isLessThan(1e-6);
        assertThat(slowApp.state().assignmentId()).isNull();
    }

    @Test
    void reopensABrokenAssignmentStreamAfterASimulatedSecondAndPicksUpTheCurrentAssignment() {
        start(UnitSpec.officer("officer-1", HOME));
        OfficerApp app = units.app("officer-1");
        dispatch.breakStream("officer-1");
        await("the break noticed", () -> app.state().reconnects() == 1);
        sim.advance(Duration.ofMillis(500));
        assertThat(dispatch.streamsOpened.get()).isEqualTo(1);
        sim.advance(Duration.ofMillis(600));
        await("reopened", () -> dispatch.streams.containsKey("officer-1"));
        assertThat(dispatch.streamsOpened.get()).isEqualTo(2);

        dispatch.push(assignment("a-9", "officer-1", AssignmentState.ASSIGNMENT_STATE_ACKNOWLEDGED, local(0, 100)));
        await("on its way", () -> app.state().phase() == OfficerApp.Phase.EN_ROUTE);
        sim.advance(Duration.ofSeconds(10));
        assertThat(app.unit().distanceM(HOME)).isCloseTo(16, within(0.1));
    }
}
