package org.skyfleet.fleet.bus;

import java.util.function.Consumer;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Publishes vehicle state changes and events to whoever listens. Publishing never blocks on a
 * listener: listeners must hand work off quickly (the publisher is the telemetry ingest thread).
 * A broker adapter also delivers what other nodes published; it never waits for a slow listener
 * either, conflating states per vehicle and dropping the oldest events instead.
 */
public interface FleetBus {

    void publishState(VehicleState state);

    void publishEvent(VehicleEvent event);

    /** Registers a listener for every state change; closing the returned handle removes it. */
    AutoCloseable subscribeStates(Consumer<VehicleState> listener);

    /** Registers a listener for every event; closing the returned handle removes it. */
    AutoCloseable subscribeEvents(Consumer<VehicleEvent> listener);

    /**
     * Registers a listener for the state changes of one vehicle or one area. Adapters that can filter
     * at the source (a broker's subjects) override this so unwanted states never reach the node.
     */
    default AutoCloseable subscribeStates(BusScope scope, Consumer<VehicleState> listener) {
        return subscribeStates(s -> {
            if (scope.matches(s)) {
                listener.accept(s);
            }
        });
    }

    /** Registers a listener for the events of everything or one vehicle (an area scope is refused). */
    default AutoCloseable subscribeEvents(BusScope scope, Consumer<VehicleEvent> listener) {
        if (scope.area() != null) {
            throw new IllegalArgumentException("events carry no position: follow all or one vehicle");
        }
        return subscribeEvents(e -> {
            if (scope.matches(e)) {
                listener.accept(e);
            }
        });
    }
}
