package org.skyfleet.fleet.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.event.VehicleHealthRules;

class VehicleRegistryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T21:00:00Z");

    private final List<VehicleState> states = new ArrayList<>();
    private final List<VehicleEvent> events = new ArrayList<>();
    private final FleetBus bus = new FleetBus() {
        @Override
        public void publishState(VehicleState state) {
            states.add(state);
        }

        @Override
        public void publishEvent(VehicleEvent event) {
            events.add(event);
        }

        @Override
        public AutoCloseable subscribeStates(Consumer<VehicleState> listener) {
            throw new UnsupportedOperationException("publish-only fake");
        }

        @Override
        public AutoCloseable subscribeEvents(Consumer<VehicleEvent> listener) {
            throw new UnsupportedOperationException("publish-only fake");
        }
    };
    private final VehicleRegistry registry = new VehicleRegistry(bus, VehicleHealthRules.defaults());

    @Test
    void everyChangeBumpsTheVersionAndIsPublishedWithTheEventsItImplies() {
        registry.register(TestVehicles.connected("d1", T0), T0);
        registry.update("d1", s -> s.withBattery(TestVehicles.battery(80)), T0);
        registry.update("d1", s -> s.withBattery(TestVehicles.battery(20)), T0);

        assertThat(states).extracting(VehicleState::version).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(VehicleEvent::type).containsExactly(EventType.VEHICLE_DISCOVERED, EventType.LOW_BATTERY);
        assertThat(events).extracting(VehicleEvent::sequence).containsExactly(1L, 2L);
        assertThat(registry.find("d1")).get().extracting(VehicleState::version).isEqualTo(3L);
    }

    @Test
    void aChangeThatChangesNothingPublishesNothing() {
        registry.register(TestVehicles.connected("d1", T0), T0);
        registry.update("d1", s -> s, T0);

        assertThat(states).hasSize(1);
    }

    @Test
    void registeringAKnownIdReturnsTheExistingVehicle() {
        VehicleState first = registry.register(TestVehicles.connected("d1", T0), T0);
        VehicleState again = registry.register(TestVehicles.connected("d1", T0.plusSeconds(5)), T0);

        assertThat(again).isSameAs(first);
        assertThat(states).hasSize(1);
    }

    @Test
    void updatingAnUnknownVehicleFails() {
        assertThatThrownBy(() -> registry.update("ghost", s -> s, T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ghost");
    }

    @Test
    void listsAreOrderedByIdAndCountByLinkState() {
        registry.register(TestVehicles.connected("b", T0), T0);
        registry.register(TestVehicles.connected("a", T0), T0);
        registry.update("b", s -> s.withStatus(s.status().withLinkState(LinkState.LOST)), T0);

        assertThat(registry.all()).extracting(VehicleState::vehicleId).containsExactly("a", "b");
        assertThat(registry.count(LinkState.LOST)).isEqualTo(1);
        assertThat(registry.count(LinkState.CONNECTED)).isEqualTo(1);
    }
}
