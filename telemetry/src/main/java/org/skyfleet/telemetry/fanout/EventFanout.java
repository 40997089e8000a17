package org.skyfleet.telemetry.fanout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.event.VehicleEvent;

/** Fans vehicle events out to subscribers, each with a bounded queue; each event is encoded once. */
public final class EventFanout<T> implements AutoCloseable {
    private record Entry<T>(Predicate<VehicleEvent> filter, BoundedSubscription<T> subscription) {
    }

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();
    private final Function<VehicleEvent, T> encoder;
    private final Executor drainExecutor;
    private final FanoutMetrics metrics;
    private final int queueCapacity;
    private final AutoCloseable busSubscription;

    public EventFanout(FleetBus bus, Function<VehicleEvent, T> encoder, Executor drainExecutor, FanoutMetrics metrics,
                       int queueCapacity) {
        this.encoder = encoder;
        this.drainExecutor = drainExecutor;
        this.metrics = metrics;
        this.queueCapacity = queueCapacity;
        this.busSubscription = bus.subscribeEvents(this::publish);
    }

    public BoundedSubscription<T> subscribe(Predicate<VehicleEvent> filter, UpdateSink<T> sink) {
        Entry<T>[] self = new Entry[1];
        BoundedSubscription<T> subscription = new BoundedSubscription<>(drainExecutor, sink, metrics, queueCapacity,
                () -> entries.remove(self[0]));
        self[0] = new Entry<>(filter, subscription);
        entries.add(self[0]);
        return subscription;
    }

    public int subscriberCount() {
        return entries.size();
    }

    private void publish(VehicleEvent event) {
        EncodedOnce<VehicleEvent, T> encoded = null;
        for (Entry<T> e : entries) {
            if (e.filter().test(event)) {
                if (encoded == null) {
                    encoded = new EncodedOnce<>(event, encoder);
                }
                e.subscription().offer(encoded);
            }
        }
    }

    @Override
    public void close() throws Exception {
        busSubscription.close();
        for (Entry<T> e : entries) {
            e.subscription().close();
        }
    }
}
