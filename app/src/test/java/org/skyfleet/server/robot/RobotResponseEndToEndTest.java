package org.skyfleet.server.robot;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.proto.v1.AcknowledgeAssignmentRequest;
import org.skyfleet.proto.v1.AssignmentState;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.ListAssignmentsRequest;
import org.skyfleet.proto.v1.ListUnitsRequest;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.proto.v1.UnitType;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * A kiosk robot offered a job and accepted for it drives there, over the real wire: an ArduPilot Rover of the
 * simulator talks MAVLink over UDP to a server, a dispatcher accepts the robot's offer over gRPC, and the server, under
 * the robot's lease, arms it and sends it GUIDED to the scene; at the scene it holds, the assignment is ARRIVED and the
 * lease is given back. Simulated time runs at twice real time.
 */
class RobotResponseEndToEndTest {
    private static final double M_PER_DEG = 111_320.0;
    private static final double LAT = 29.8718;
    private static final double LON = 121.5561;
    private static final String SCENARIO = """
            {"name": "robot-response-e2e", "description": "one kiosk robot, Dongbu Xincheng", "seed": 22,
             "durationS": 3600, "timeScale": 2, "home": {"latDeg": 29.8718, "lonDeg": 121.5561}, "homeAltAmslM": 5,
             "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 10, "batteryLandPercent": 5, "lostLinkTimeoutS": 600, "fenceAction": "HOLD"},
             "vehicles": [
               {"name": "responder", "type": "GROUND_ROVER", "autopilot": "ARDUPILOT_LEGACY", "start": {"latDeg": 29.8718, "lonDeg": 121.5561}}],
             "targets": [], "faults": []}
            """;

    private static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(LAT + northM / M_PER_DEG, LON + eastM / (M_PER_DEG * Math.cos(Math.toRadians(LAT))));
    }

    @Test
    void anAcceptedRobotDrivesToTheSceneUnderItsLeaseAndArrives() throws Exception {
        SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults()
                .withAcknowledgeTimeout(Duration.ofMinutes(10)), new InMemoryStore(), InstantSource.system());
        Simulation sim = null;
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        try {
            sim = Simulation.start(Scenario.parse(SCENARIO), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
            DispatchServiceGrpc.DispatchServiceBlockingStub dispatch = DispatchServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("lin", "dispatcher")));
            String[] robot = {null};
            Await.until(Duration.ofSeconds(30), "the robot on the roster as an available robot unit", () -> {
                robot[0] = dispatch.listUnits(ListUnitsRequest.getDefaultInstance()).getUnitsList().stream()
                        .filter(u -> u.getUnitType() == UnitType.UNIT_TYPE_GROUND_ROBOT && u.getStatus() == UnitStatus.UNIT_STATUS_AVAILABLE)
                        .map(org.skyfleet.proto.v1.Unit::getUnitId).findFirst().orElse(null);
                return robot[0] != null;
            });
            String id = robot[0];

            // no officer is free: a bag left 30 m north of the kiosk is offered to the robot; the offer alone moves nothing
            GeoPoint scene = at(30, 0);
            Dispatcher d = server.records().orElseThrow().dispatcher();
            Assignment offered = d.dispatch("inc-bag", "trk-bag", scene, "bag left by the kiosk").orElseThrow();
            assertThat(offered.unitId()).isEqualTo(id);
            assertThat(server.leases().current(id)).as("no lease taken for an offer").isEmpty();

            assertThat(dispatch.acknowledgeAssignment(AcknowledgeAssignmentRequest.newBuilder().setAssignmentId(offered.assignmentId())
                    .setUnitId(id).build()).getAssignment().getState()).isEqualTo(AssignmentState.ASSIGNMENT_STATE_ACKNOWLEDGED);
            Await.until(Duration.ofSeconds(10), "the robot's lease taken by the automation", () -> server.leases().current(id)
                    .filter(l -> l.holder().equals(RobotTaskings.OPERATOR)).isPresent());
            Await.until(Duration.ofSeconds(30), "the robot armed and driving GUIDED", () -> state(server, id).status().armed()
                    && state(server, id).status().flightMode().equals("GUIDED"));

            Await.until(Duration.ofSeconds(60), "the assignment ARRIVED, reported by the server for the robot", () -> dispatch
                    .listAssignments(ListAssignmentsRequest.newBuilder().setIncidentId("inc-bag").build()).getAssignmentsList()
                    .stream().anyMatch(a -> a.getAssignmentId().equals(offered.assignmentId())
                            && a.getState() == AssignmentState.ASSIGNMENT_STATE_ARRIVED));
            VehicleState there = state(server, id);
            assertThat(GreatCircle.distanceM(new GeoPoint(there.position().latDeg(), there.position().lonDeg()), scene))
                    .as("robot to scene at arrival, m").isLessThanOrEqualTo(RobotResponse.ARRIVAL_M + 1);
            Await.until(Duration.ofSeconds(10), "the robot holding at the scene, its lease given back", () ->
                    state(server, id).status().flightMode().equals("HOLD") && server.leases().current(id).isEmpty());
            assertThat(server.audit().entries()).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("robot arrived");
                assertThat(e.vehicleId()).isEqualTo(id);
            });
            assertThat(server.audit().entries()).anySatisfy(e -> assertThat(e.action()).isEqualTo("robot GOTO"));
        } finally {
            channel.shutdownNow();
            if (sim != null) {
                sim.close();
            }
            server.close();
        }
    }

    private static VehicleState state(SkyfleetServer server, String id) {
        return server.registry().find(id).orElseThrow();
    }
}
