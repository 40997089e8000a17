package org.skyfleet.fleet.bus;

import java.util.function.Consumer;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Publishes vehicle state changes and events to whoever listens. Publishing never blocks on a
 * listener: listeners must hand work off quickly (the publisher is the telemetry ingest thread).
 */
public interface FleetBus {

    void publishState(VehicleState state);

    void publishEvent(VehicleEvent event);

    /** Registers a listener for every state change; closing the returned handle removes it. */
    AutoCloseable subscribeStates(Consumer<VehicleState> listener);

    /** Registers a listener for every event; closing the returned handle removes it. */
    AutoCloseable subscribeEvents(Consumer<VehicleEvent> listener);
}
