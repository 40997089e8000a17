package org.skyfleet.server;

import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.proto.v1.Autopilot;
import org.skyfleet.proto.v1.EventType;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GetVehicleRequest;
import org.skyfleet.proto.v1.LinkState;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.StreamEventsRequest;
import org.skyfleet.proto.v1.StreamEventsResponse;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.proto.v1.VehicleState;
import org.skyfleet.proto.v1.VehicleType;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * The foundation over the real wire: simulated PX4 drones and ArduPilot robots send MAVLink 2 over UDP
 * from their own sockets into a real server; real gRPC clients watch them.
 */
class TelemetryEndToEndTest {
    private static final int DRONES = 4;
    private static final int ROBOTS = 2;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral().withHeartbeatTimeout(Duration.ofMillis(1500)),
                InstantSource.system());
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort());
        sim = Simulation.start(SimulationConfig.around(target, 51.5034, -0.1276, DRONES, ROBOTS, 7));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(WAIT, "every simulated vehicle to have a position",
                () -> server.registry().all().stream().filter(s -> s.position() != null).count() == DRONES + ROBOTS);
    }

    @AfterAll
    static void stop() {
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

    private static List<VehicleState> states(List<StreamVehicleStatesResponse> received) {
        return received.stream().flatMap(r -> r.getStatesList().stream()).toList();
    }

    private static Set<String> idsWithPosition(List<StreamVehicleStatesResponse> received) {
        return states(received).stream().filter(VehicleState::hasPosition)
                .map(VehicleState::getVehicleId).collect(Collectors.toSet());
    }

    @Test
    void everyVehicleIsWatchedLiveAndALostLinkIsSeenAndComesBack() {
        var states = new StreamRecorder<StreamVehicleStatesRequest, StreamVehicleStatesResponse>(false);
        var events = new StreamRecorder<StreamEventsRequest, StreamEventsResponse>(false);
        TelemetryServiceGrpc.newStub(channel).streamVehicleStates(StreamVehicleStatesRequest.getDefaultInstance(), states);
        TelemetryServiceGrpc.newStub(channel).streamEvents(StreamEventsRequest.getDefaultInstance(), events);

        Await.until(WAIT, "positions of all vehicles on the stream", () -> idsWithPosition(states.received).size() == DRONES + ROBOTS);

        var fleet = FleetServiceGrpc.newBlockingStub(channel).listVehicles(ListVehiclesRequest.getDefaultInstance());
        assertThat(fleet.getVehiclesList()).hasSize(DRONES + ROBOTS)
                .allSatisfy(v -> assertThat(v.getLinkState()).isEqualTo(LinkState.LINK_STATE_CONNECTED));
        // The robots are legacy ArduPilot: they only stream after REQUEST_DATA_STREAM, so a position proves the fallback.
        assertThat(fleet.getVehiclesList()).filteredOn(v -> v.getType() == VehicleType.VEHICLE_TYPE_GROUND_ROVER)
                .hasSize(ROBOTS).allSatisfy(v -> {
                    assertThat(v.getAutopilot()).isEqualTo(Autopilot.AUTOPILOT_ARDUPILOT);
                    assertThat(v.getPosition().getPosition().getLatDeg()).isCloseTo(51.5034, org.assertj.core.data.Offset.offset(0.01));
                });

        String drone2 = vehicleIdOf("drone-2");
        sim.setLinkUp("drone-2", false);
        Await.until(WAIT, "LINK_LOST event for " + drone2, () -> hasEvent(events, drone2, EventType.EVENT_TYPE_LINK_LOST));
        assertThat(FleetServiceGrpc.newBlockingStub(channel).getVehicle(GetVehicleRequest.newBuilder().setVehicleId(drone2).build())
                .getVehicle().getLinkState()).isEqualTo(LinkState.LINK_STATE_LOST);
        assertThat(states(states.received)).anySatisfy(s -> {
            assertThat(s.getVehicleId()).isEqualTo(drone2);
            assertThat(s.getLinkState()).isEqualTo(LinkState.LINK_STATE_LOST);
        });

        sim.setLinkUp("drone-2", true);
        Await.until(WAIT, "LINK_RESTORED event for " + drone2, () -> hasEvent(events, drone2, EventType.EVENT_TYPE_LINK_RESTORED));
        Await.until(WAIT, drone2 + " connected again on the stream", () -> {
            VehicleState last = lastStateOf(states.received, drone2);
            return last != null && last.getLinkState() == LinkState.LINK_STATE_CONNECTED;
        });
        assertThat(states.error).isNull();
        states.cancel();
        events.cancel();
    }

    @Test
    void slowSubscriberIsConflatedWhileAFastOneGetsEveryUpdate() {
        ManagedChannel tightChannel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext()
                .flowControlWindow(4 * 1024).build();
        try {
            var fast = new StreamRecorder<StreamVehicleStatesRequest, StreamVehicleStatesResponse>(false);
            var slow = new StreamRecorder<StreamVehicleStatesRequest, StreamVehicleStatesResponse>(true);
            TelemetryServiceGrpc.newStub(channel).streamVehicleStates(StreamVehicleStatesRequest.getDefaultInstance(), fast);
            TelemetryServiceGrpc.newStub(tightChannel).streamVehicleStates(StreamVehicleStatesRequest.getDefaultInstance(), slow);
            double conflatedBefore = server.stateFanoutMetrics().skippedCount();

            // The slow reader has stopped reading: its window fills, the server sees it is not ready and conflates.
            Await.until(WAIT, "the server to conflate for the stalled reader",
                    () -> server.stateFanoutMetrics().skippedCount() > conflatedBefore + 50 && states(fast.received).size() > 600);
            int slowBefore = states(slow.received).size();
            slow.release();
            Await.until(WAIT, "the slow reader to be told what it missed",
                    () -> slow.received.stream().anyMatch(r -> r.getSkippedUpdates() > 0));

            assertThat(slowBefore).isLessThan(states(fast.received).size() / 4);
            assertThat(fast.received).allSatisfy(r -> assertThat(r.getSkippedUpdates()).isZero());
            // Full delivery: each vehicle's versions follow one another without a gap.
            Map<String, Long> lastVersion = new HashMap<>();
            for (VehicleState s : states(fast.received)) {
                Long prev = lastVersion.put(s.getVehicleId(), s.getVersion());
                if (prev != null) {
                    assertThat(s.getVersion()).as("version after %d of %s", prev, s.getVehicleId()).isEqualTo(prev + 1);
                }
            }
            // A conflated update is the newest: after release the slow reader catches up to live data.
            assertThat(slow.error).isNull();

            int subscribers = server.stateFanout().subscriberCount();
            fast.cancel();
            slow.cancel();
            Await.until(WAIT, "cancelled subscribers to be removed", () -> server.stateFanout().subscriberCount() == subscribers - 2);
        } finally {
            tightChannel.shutdownNow();
        }
    }

    private static String vehicleIdOf(String simName) {
        int systemId = sim.vehicle(simName).vehicle().systemId();
        return server.registry().all().stream().filter(s -> s.identity().mavlinkSystemId() == systemId)
                .findFirst().orElseThrow().vehicleId();
    }

    private static boolean hasEvent(StreamRecorder<?, StreamEventsResponse> events, String vehicleId, EventType type) {
        return events.received.stream().flatMap(r -> r.getEventsList().stream())
                .anyMatch(e -> e.getVehicleId().equals(vehicleId) && e.getType() == type);
    }

    private static VehicleState lastStateOf(List<StreamVehicleStatesResponse> received, String vehicleId) {
        VehicleState last = null;
        for (VehicleState s : states(received)) {
            if (s.getVehicleId().equals(vehicleId)) {
                last = s;
            }
        }
        return last;
    }
}
