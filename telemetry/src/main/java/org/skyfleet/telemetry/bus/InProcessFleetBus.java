package org.skyfleet.telemetry.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * The default bus: delivers to listeners synchronously on the publishing thread. A listener that
 * throws is logged and skipped; it never breaks ingestion or the other listeners.
 */
public final class InProcessFleetBus implements FleetBus {
    private static final Logger LOG = Logger.getLogger(InProcessFleetBus.class.getName());

    private final List<Consumer<VehicleState>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<VehicleEvent>> eventListeners = new CopyOnWriteArrayList<>();

    @Override
    public void publishState(VehicleState state) {
        deliver(stateListeners, state);
    }

    @Override
    public void publishEvent(VehicleEvent event) {
        deliver(eventListeners, event);
    }

    @Override
    public AutoCloseable subscribeStates(Consumer<VehicleState> listener) {
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    @Override
    public AutoCloseable subscribeEvents(Consumer<VehicleEvent> listener) {
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    private static <T> void deliver(List<Consumer<T>> listeners, T item) {
        for (Consumer<T> l : listeners) {
            try {
                l.accept(item);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "bus listener failed; skipped", e);
            }
        }
    }
}
