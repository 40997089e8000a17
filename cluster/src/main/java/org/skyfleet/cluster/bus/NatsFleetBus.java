package org.skyfleet.cluster.bus;

import com.google.protobuf.InvalidProtocolBufferException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Subscription;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.bus.BusScope;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.telemetry.bus.InProcessFleetBus;

/**
 * The fleet bus shared by several nodes over core NATS. What this node publishes reaches its own
 * listeners synchronously (as the in-process bus does) and every other node through subjects laid out
 * by {@link BusSubjects}; what other nodes publish reaches a listener through its own hand-off queue,
 * states conflated per vehicle and events bounded, so neither the broker's delivery thread nor any other
 * listener ever waits for a slow one.
 *
 * <p>Telemetry is at most once here (core NATS, no acknowledgements): a state lost on the way is
 * replaced by the next one within a fraction of a second. What must not be lost goes to {@link NatsDurableLog}.
 */
public final class NatsFleetBus implements FleetBus, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NatsFleetBus.class.getName());

    private final Connection nats;
    private final BusMetrics metrics;
    private final int eventQueueCapacity;
    private final InProcessFleetBus local = new InProcessFleetBus();
    private final Dispatcher dispatcher;
    private record RemoteStates(BusScope scope, LatestPerVehicle<byte[]> handoff) {
    }

    /** Every state subscription's hand-off, for states about other nodes' vehicles judged here. */
    private final List<RemoteStates> remoteStates = new CopyOnWriteArrayList<>();

    /** A subscription's hand-off for other nodes' events, for events this node judges about them. */
    private record RemoteEvents(BusScope scope, BoundedEvents<byte[]> handoff) {
    }

    private final List<RemoteEvents> remoteEvents = new CopyOnWriteArrayList<>();
    /** Runs listeners' hand-off drains: one busy slot per slow listener, never more. */
    private final ExecutorService listenerThreads =
            Executors.newCachedThreadPool(new DefaultThreadFactory("skyfleet-bus-listener", true));

    /**
     * @param nats               a connection opened by {@link NatsConnect} (not closed by this bus)
     * @param eventQueueCapacity events queued per listener before the oldest is dropped
     */
    public NatsFleetBus(Connection nats, BusMetrics metrics, int eventQueueCapacity) {
        this.nats = nats;
        this.metrics = metrics;
        this.eventQueueCapacity = eventQueueCapacity;
        this.dispatcher = nats.createDispatcher();
    }

    /** This node's own publications only, for listeners that act on the vehicles this node owns (enforcement). */
    public FleetBus local() {
        return local;
    }

    @Override
    public void publishState(VehicleState state) {
        local.publishState(state);
        nats.publish(BusSubjects.state(BusScope.cellOf(state), state.vehicleId()), StateCodec.encode(state));
        metrics.statesPublished.increment();
    }

    @Override
    public void publishEvent(VehicleEvent event) {
        local.publishEvent(event);
        nats.publish(BusSubjects.event(event.vehicleId(), event.type()), EventCodec.encode(event));
        metrics.eventsPublished.increment();
    }

    @Override
    public AutoCloseable subscribeStates(Consumer<VehicleState> listener) {
        return subscribeStates(BusScope.all(), listener);
    }

    @Override
    public AutoCloseable subscribeEvents(Consumer<VehicleEvent> listener) {
        return subscribeEvents(BusScope.all(), listener);
    }

    @Override
    public AutoCloseable subscribeStates(BusScope scope, Consumer<VehicleState> listener) {
        AutoCloseable own = local.subscribeStates(scope, listener);
        LatestPerVehicle<byte[]> handoff = new LatestPerVehicle<>(listenerThreads, bytes -> {
            try {
                VehicleState s = StateCodec.decode(bytes);
                if (scope.matches(s)) {  // subject-safe ids may collide; the payload's id decides
                    listener.accept(s);
                }
            } catch (InvalidProtocolBufferException e) {
                metrics.decodeErrors.increment();
            } catch (RuntimeException e) {
                metrics.listenerErrors.increment();
                LOG.log(Level.WARNING, "bus state listener failed; skipped", e);
            }
        }, metrics.statesConflated);
        Subscription sub = dispatcher.subscribe(BusSubjects.stateFilter(scope), msg -> {
            metrics.statesReceived.increment();
            handoff.offer(BusSubjects.lastToken(msg.getSubject()), msg.getData());
        });
        RemoteStates remote = new RemoteStates(scope, handoff);
        remoteStates.add(remote);
        return () -> {
            remoteStates.remove(remote);
            dispatcher.unsubscribe(sub);
            handoff.close();
            own.close();
        };
    }

    /**
     * Hands this node's listeners a state of another node's vehicle as if it had come over the bus (its
     * owner fell silent and this node judged its link lost): it reaches the streams and the vehicle list,
     * not the listeners of this node's own publications, and it is not published.
     */
    public void deliverAsRemote(VehicleState state) {
        byte[] bytes = null;
        for (RemoteStates r : remoteStates) {
            if (r.scope().matches(state)) {
                bytes = bytes == null ? StateCodec.encode(state) : bytes;
                r.handoff().offer(BusSubjects.token(state.vehicleId()), bytes);
            }
        }
    }

    /**
     * Hands this node's event listeners an event about another node's vehicle as if it had come over the bus
     * (its owner fell silent: nobody else will say its link is lost); it is not published.
     */
    public void deliverEventAsRemote(VehicleEvent event) {
        byte[] bytes = null;
        for (RemoteEvents r : remoteEvents) {
            if (r.scope().matches(event)) {
                bytes = bytes == null ? EventCodec.encode(event) : bytes;
                r.handoff().offer(bytes);
            }
        }
    }

    @Override
    public AutoCloseable subscribeEvents(BusScope scope, Consumer<VehicleEvent> listener) {
        AutoCloseable own = local.subscribeEvents(scope, listener);
        BoundedEvents<byte[]> handoff = new BoundedEvents<>(eventQueueCapacity, listenerThreads, bytes -> {
            try {
                VehicleEvent e = EventCodec.decode(bytes);
                if (scope.matches(e)) {
                    listener.accept(e);
                }
            } catch (InvalidProtocolBufferException e) {
                metrics.decodeErrors.increment();
            } catch (RuntimeException e) {
                metrics.listenerErrors.increment();
                LOG.log(Level.WARNING, "bus event listener failed; skipped", e);
            }
        }, metrics.eventsDropped);
        Subscription sub = dispatcher.subscribe(BusSubjects.eventFilter(scope), msg -> {
            metrics.eventsReceived.increment();
            handoff.offer(msg.getData());
        });
        RemoteEvents remote = new RemoteEvents(scope, handoff);
        remoteEvents.add(remote);
        return () -> {
            remoteEvents.remove(remote);
            dispatcher.unsubscribe(sub);
            handoff.close();
            own.close();
        };
    }

    @Override
    public void close() {
        nats.closeDispatcher(dispatcher);
        listenerThreads.shutdownNow();
    }
}
