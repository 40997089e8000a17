package org.skyfleet.cluster.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.skyfleet.server.Await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.bus.AreaCell;
import org.skyfleet.fleet.bus.BusScope;
import org.skyfleet.fleet.event.EventSeverity;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.AttitudeSample;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.BatterySample;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.GpsFix;
import org.skyfleet.fleet.vehicle.GpsSample;
import org.skyfleet.fleet.vehicle.HomePosition;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.MotionSample;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;

/** Two nodes, each with its own connection to the real NATS, sharing states and events. */
class NatsFleetBusTest {
    private static final Instant T0 = Instant.parse("2026-12-05T22:00:00.123456789Z");
    private static final double LONDON_LAT = 51.5034, LONDON_LON = -0.1276;
    private static final double SHEFFIELD_LAT = 53.3912, SHEFFIELD_LON = -1.8647;

    private Connection connA;
    private Connection connB;
    private NatsFleetBus nodeA;
    private NatsFleetBus nodeB;
    private BusMetrics metricsB;
    private final String prefix = NatsTestServer.unique("t") + "-";

    @BeforeEach
    void connect() {
        connA = NatsTestServer.connect("A");
        metricsB = new BusMetrics(new SimpleMeterRegistry());
        connB = NatsTestServer.connect("B", metricsB);
        nodeA = new NatsFleetBus(connA, new BusMetrics(new SimpleMeterRegistry()), 256);
        nodeB = new NatsFleetBus(connB, metricsB, 4);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (nodeA != null) {
            nodeA.close();
            nodeB.close();
            connA.close();
            connB.close();
        }
    }

    @Test
    void aStatePublishedOnOneNodeArrivesWholeOnTheOtherAndOnceOnItsOwn() throws Exception {
        List<VehicleState> atB = new CopyOnWriteArrayList<>();
        List<VehicleState> atA = new CopyOnWriteArrayList<>();
        nodeB.subscribeStates(mine(atB::add));
        nodeA.subscribeStates(mine(atA::add));
        connB.flush(Duration.ofSeconds(2));

        VehicleState full = state(prefix + "v1", LONDON_LAT, LONDON_LON, 7);
        nodeA.publishState(full);

        await(() -> atB.size() == 1);
        assertThat(atB.get(0)).isEqualTo(full);
        connA.flush(Duration.ofSeconds(2));
        assertThat(atA).containsExactly(full);  // delivered locally, not echoed back by NATS
    }

    @Test
    void aStateWithOnlyAHeartbeatRoundTrips() throws Exception {
        List<VehicleState> atB = new CopyOnWriteArrayList<>();
        nodeB.subscribeStates(mine(atB::add));
        connB.flush(Duration.ofSeconds(2));
        VehicleState bare = new VehicleState(new VehicleIdentity(prefix + "bare", VehicleKind.GROUND_ROVER, AutopilotKind.ARDUPILOT,
                3, "10.0.0.9:14550"), new FlightStatus(LinkState.LOST, T0, false, "HOLD", SystemStatus.STANDBY,
                LandedState.ON_GROUND), null, null, null, null, null, null, 1);
        nodeA.publishState(bare);
        await(() -> atB.size() == 1);
        assertThat(atB.get(0)).isEqualTo(bare);
    }

    @Test
    void aNodeFollowingOneVehicleOrOneAreaGetsOnlyThat() throws Exception {
        List<String> vehicleOnly = new CopyOnWriteArrayList<>();
        List<String> londonOnly = new CopyOnWriteArrayList<>();
        String londonArea = AreaCell.of(LONDON_LAT, LONDON_LON).substring(0, 3);
        nodeB.subscribeStates(BusScope.vehicle(prefix + "v1"), s -> vehicleOnly.add(s.vehicleId()));
        nodeB.subscribeStates(BusScope.area(londonArea), s -> {
            if (s.vehicleId().startsWith(prefix)) {
                londonOnly.add(s.vehicleId());
            }
        });
        connB.flush(Duration.ofSeconds(2));

        // the ones that must not arrive go first: per subscription NATS keeps order, so once the last
        // wanted one is in, an unwanted one would have been too
        nodeA.publishState(state(prefix + "v3", SHEFFIELD_LAT, SHEFFIELD_LON, 1));
        nodeA.publishState(state(prefix + "v2", LONDON_LAT + 0.01, LONDON_LON, 1));
        nodeA.publishState(state(prefix + "v1", LONDON_LAT, LONDON_LON, 1));

        await(() -> vehicleOnly.size() == 1 && londonOnly.size() == 2);
        assertThat(vehicleOnly).containsExactly(prefix + "v1");
        assertThat(londonOnly).containsExactly(prefix + "v2", prefix + "v1");
    }

    @Test
    void eventsCrossNodesAndFilterByVehicle() throws Exception {
        List<VehicleEvent> all = new CopyOnWriteArrayList<>();
        List<VehicleEvent> one = new CopyOnWriteArrayList<>();
        nodeB.subscribeEvents(e -> {
            if (e.vehicleId().startsWith(prefix)) {
                all.add(e);
            }
        });
        nodeB.subscribeEvents(BusScope.vehicle(prefix + "v2"), one::add);
        connB.flush(Duration.ofSeconds(2));

        VehicleEvent lost = new VehicleEvent(prefix + "v1", EventType.LINK_LOST, EventSeverity.CRITICAL, "no heartbeat", T0, 41);
        VehicleEvent low = new VehicleEvent(prefix + "v2", EventType.LOW_BATTERY, EventSeverity.WARNING, "battery low: 24%", T0, 42);
        nodeA.publishEvent(lost);
        nodeA.publishEvent(low);

        await(() -> all.size() == 2 && one.size() == 1);
        assertThat(all).containsExactly(lost, low);
        assertThat(one).containsExactly(low);
    }

    @Test
    void aSlowListenerNeitherBlocksThePublisherNorTheOtherListenersAndGetsTheNewestOfEachVehicle() throws Exception {
        int vehicles = 10;
        int updates = 2_000;
        CountDownLatch release = new CountDownLatch(1);
        Map<String, Long> slowLatest = new ConcurrentHashMap<>();
        Map<String, Long> fastLatest = new ConcurrentHashMap<>();
        List<Long> slowSeen = new CopyOnWriteArrayList<>();
        nodeB.subscribeStates(mine(s -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Long before = slowLatest.put(s.vehicleId(), s.version());
            assertThat(before == null || before < s.version()).as("never older after newer").isTrue();
            slowSeen.add(s.version());
        }));
        nodeB.subscribeStates(mine(s -> fastLatest.put(s.vehicleId(), s.version())));
        connB.flush(Duration.ofSeconds(2));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int v = 1; v <= updates; v++) {
                for (int i = 0; i < vehicles; i++) {
                    nodeA.publishState(state(prefix + "s" + i, LONDON_LAT, LONDON_LON, v));
                }
            }
            connA.flush(Duration.ofSeconds(5));
        });

        // the fast listener has everything while the slow one is still stuck on its first state
        await(() -> fastLatest.size() == vehicles && fastLatest.values().stream().allMatch(v -> v == updates));
        assertThat(slowSeen).isEmpty();
        release.countDown();
        await(() -> slowLatest.size() == vehicles && slowLatest.values().stream().allMatch(v -> v == updates));
        assertThat(slowSeen.size()).isLessThan(vehicles * updates / 10);
        assertThat(metricsB.statesConflated()).isGreaterThan(vehicles * updates / 2.0);
        assertThat(metricsB.slowConsumerWarnings()).isZero();
    }

    @Test
    void aSlowEventListenerLosesTheOldestAndCountsThem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        nodeB.subscribeEvents(BusScope.vehicle(prefix + "e"), e -> {
            try {
                busy.countDown();
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            seen.add(e.sequence());
        });
        connB.flush(Duration.ofSeconds(2));
        // the listener is busy with the first event before the rest come: that one is handled, then the newest 4
        nodeA.publishEvent(new VehicleEvent(prefix + "e", EventType.STATUS_TEXT, EventSeverity.WARNING, "text 1", T0, 1));
        assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 2; i <= 100; i++) {
            nodeA.publishEvent(new VehicleEvent(prefix + "e", EventType.STATUS_TEXT, EventSeverity.WARNING, "text " + i, T0, i));
        }
        connA.flush(Duration.ofSeconds(2));
        await(() -> metricsB.eventsDropped() >= 95);  // queue of 4 plus the one being handled
        release.countDown();
        await(() -> seen.contains(100L));
        assertThat(seen).containsExactly(1L, 97L, 98L, 99L, 100L);
        assertThat(metricsB.eventsDropped()).isEqualTo(95);
    }

    private java.util.function.Consumer<VehicleState> mine(java.util.function.Consumer<VehicleState> listener) {
        return s -> {
            if (s.vehicleId().startsWith(prefix)) {
                listener.accept(s);
            }
        };
    }

    static VehicleState state(String id, double lat, double lon, long version) {
        Instant at = T0.plusMillis(version);
        return new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, 7, "127.0.0.1:14580"),
                new FlightStatus(LinkState.CONNECTED, at, true, "MISSION", SystemStatus.ACTIVE, LandedState.IN_AIR),
                new PositionSample(lat, lon, 182.5, 80.25, 3.5, -1.25, 0.5, Double.NaN, at),
                new AttitudeSample(-2.5, 4.75, 271.5, at), new BatterySample(64.5, 15.2, Double.NaN, at),
                new GpsSample(GpsFix.RTK_FIXED, 17, 0.6, at), new MotionSample(12.5, 11.75, -0.5, 55, at),
                new HomePosition(lat - 0.001, lon, 101.5), version);
    }

    static void await(BooleanSupplier condition) {
        Await.until(Duration.ofSeconds(10), "the bus to deliver", condition);
    }
}
