package org.skyfleet.cluster;

import org.skyfleet.fleet.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.cluster.InMemoryLinkOwnership;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.event.EventSeverity;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.server.Await;
import org.skyfleet.cluster.bus.BusMetrics;
import org.skyfleet.cluster.bus.NatsFleetBus;
import org.skyfleet.cluster.bus.NatsTestServer;

/** A vehicle whose owner fell silent is shown lost on this node, without telling the bus. */
class SilentOwnersTest {
    private static final Duration SILENCE = Duration.ofSeconds(5);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T23:00:00Z"));
    private final String prefix = NatsTestServer.unique("silent") + "-";
    private Connection here;
    private Connection other;
    private NatsFleetBus bus;
    private NatsFleetBus otherBus;

    @BeforeEach
    void connect() {
        here = NatsTestServer.connect("here");
        other = NatsTestServer.connect("other");
        bus = new NatsFleetBus(here, new BusMetrics(new SimpleMeterRegistry()), 64);
        otherBus = new NatsFleetBus(other, new BusMetrics(new SimpleMeterRegistry()), 64);
    }

    @AfterEach
    void close() throws Exception {
        if (bus != null) {
            bus.close();
            otherBus.close();
            here.close();
            other.close();
        }
    }

    @Test
    void aRemoteVehicleUnheardForLongerThanTheLinkTimeoutIsShownLostHereOnly() throws Exception {
        VehicleRegistry registry = new VehicleRegistry(bus, VehicleHealthRules.defaults());
        OwnershipGate gate = new OwnershipGate(new InMemoryLinkOwnership(new InMemoryLinkOwnership.Table(), "here", clock,
                Duration.ofSeconds(6)), Runnable::run, clock, Duration.ofSeconds(1), new SimpleMeterRegistry());
        bus.subscribeStates(new RemoteVehicleMirror(registry, gate));
        List<VehicleState> streamed = new CopyOnWriteArrayList<>();
        List<VehicleState> ownListeners = new CopyOnWriteArrayList<>();
        List<VehicleState> elsewhere = new CopyOnWriteArrayList<>();
        bus.subscribeStates(mine(streamed));
        List<VehicleEvent> events = new CopyOnWriteArrayList<>();
        List<VehicleEvent> eventsElsewhere = new CopyOnWriteArrayList<>();
        bus.subscribeEvents(e -> {
            if (e.vehicleId().startsWith(prefix)) {
                events.add(e);
            }
        });
        otherBus.subscribeEvents(e -> {
            if (e.vehicleId().startsWith(prefix)) {
                eventsElsewhere.add(e);
            }
        });
        bus.local().subscribeStates(mine(ownListeners));
        otherBus.subscribeStates(mine(elsewhere));
        here.flush(Duration.ofSeconds(2));
        other.flush(Duration.ofSeconds(2));

        String quiet = prefix + "quiet";
        String fresh = prefix + "fresh";
        registry.mirror(state(quiet, clock.instant().minus(SILENCE).minusMillis(1)));
        registry.mirror(state(fresh, clock.instant().minus(SILENCE).plusMillis(1)));
        SilentOwners silentOwners = new SilentOwners(registry, gate, bus, clock, SILENCE);
        silentOwners.run();

        Await.until(Duration.ofSeconds(10), "the silent vehicle shown lost",
                () -> registry.find(quiet).orElseThrow().status().linkState() == LinkState.LOST);
        assertThat(registry.find(fresh).orElseThrow().status().linkState()).isEqualTo(LinkState.CONNECTED);
        Await.until(Duration.ofSeconds(10), "the streams told", () -> !streamed.isEmpty());
        assertThat(streamed).extracting(VehicleState::vehicleId).containsExactly(quiet);
        assertThat(ownListeners).as("enforcement and the like act on this node's vehicles only").isEmpty();
        other.flush(Duration.ofSeconds(2));
        assertThat(elsewhere).as("judged here, not published").isEmpty();
        // the streams hear LINK_LOST once, as they would have from the owner
        Await.until(Duration.ofSeconds(10), "a LINK_LOST event streamed here", () -> !events.isEmpty());
        silentOwners.run();
        silentOwners.run();
        // the hand-off keeps order: once a marker sent after those runs has arrived, any second LINK_LOST would have too
        bus.deliverEventAsRemote(new VehicleEvent(prefix + "marker", EventType.STATUS_TEXT, EventSeverity.INFO, "marker",
                clock.instant(), 0));
        Await.until(Duration.ofSeconds(10), "the marker streamed after the repeated runs",
                () -> events.stream().anyMatch(e -> e.vehicleId().equals(prefix + "marker")));
        assertThat(events).filteredOn(e -> e.type() == EventType.LINK_LOST).singleElement().satisfies(e -> {
            assertThat(e.vehicleId()).isEqualTo(quiet);
            assertThat(e.type()).isEqualTo(EventType.LINK_LOST);
            assertThat(e.severity()).isEqualTo(EventSeverity.CRITICAL);
        });
        assertThat(eventsElsewhere).as("not published either").isEmpty();
    }

    private java.util.function.Consumer<VehicleState> mine(List<VehicleState> into) {
        return s -> {
            if (s.vehicleId().startsWith(prefix)) {
                into.add(s);
            }
        };
    }

    private static VehicleState state(String id, Instant lastHeartbeat) {
        return new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, 1, "127.0.0.1:1"),
                new FlightStatus(LinkState.CONNECTED, lastHeartbeat, true, "MISSION", SystemStatus.ACTIVE, LandedState.IN_AIR),
                null, null, null, null, null, null, 42);
    }
}
