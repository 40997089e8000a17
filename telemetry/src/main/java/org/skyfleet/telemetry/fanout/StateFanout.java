package org.skyfleet.telemetry.fanout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Predicate;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Fans vehicle states out to subscribers. Each state is encoded at most once, on a drain thread, and
 * only if some subscriber actually sends it; the same encoded object goes to all of them.
 */
public final class StateFanout<T> implements AutoCloseable {
    private record Entry<T>(Predicate<VehicleState> filter, ConflatingSubscription<T> subscription) {
    }

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();
    private final Function<VehicleState, T> encoder;
    private final Executor drainExecutor;
    private final ScheduledExecutorService timer;
    private final FanoutMetrics metrics;
    private final AutoCloseable busSubscription;

    public StateFanout(FleetBus bus, Function<VehicleState, T> encoder, Executor drainExecutor,
                       ScheduledExecutorService timer, FanoutMetrics metrics) {
        this.encoder = encoder;
        this.drainExecutor = drainExecutor;
        this.timer = timer;
        this.metrics = metrics;
        this.busSubscription = bus.subscribeStates(this::publish);
    }

    /**
     * Adds a subscriber; it first gets the given current states that pass its filter, then every change.
     *
     * @param maxRateHz at most this many updates per second per vehicle; 0 for no limit
     */
    public ConflatingSubscription<T> subscribe(Predicate<VehicleState> filter, double maxRateHz, UpdateSink<T> sink,
                                               Iterable<VehicleState> snapshot) {
        Entry<T>[] self = new Entry[1];
        ConflatingSubscription<T> subscription = new ConflatingSubscription<>(drainExecutor, timer, sink, metrics,
                maxRateHz, System::nanoTime, () -> entries.remove(self[0]));
        self[0] = new Entry<>(filter, subscription);
        entries.add(self[0]);
        for (VehicleState s : snapshot) {
            if (filter.test(s)) {
                subscription.offerSnapshot(s.vehicleId(), new EncodedOnce<>(s, encoder));
            }
        }
        subscription.snapshotComplete();
        return subscription;
    }

    public int subscriberCount() {
        return entries.size();
    }

    private void publish(VehicleState state) {
        EncodedOnce<VehicleState, T> encoded = null;
        for (Entry<T> e : entries) {
            if (e.filter().test(state)) {
                if (encoded == null) {
                    encoded = new EncodedOnce<>(state, encoder);
                }
                e.subscription().offer(state.vehicleId(), encoded);
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
