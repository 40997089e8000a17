package org.skyfleet.telemetry.fanout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Predicate;
import org.skyfleet.fleet.vessel.Vessel;
import org.skyfleet.fleet.vessel.VesselRegistry;

/**
 * Fans vessel updates out to subscribers the way {@link StateFanout} does vehicle states: each update is
 * encoded at most once, only if some subscriber sends it, and a slow subscriber is conflated per vessel
 * (by MMSI) by its {@link ConflatingSubscription}, so AIS ingest never waits for a reader.
 */
public final class VesselFanout<T> implements AutoCloseable {
    private record Entry<T>(Predicate<Vessel> filter, ConflatingSubscription<T> subscription) {
    }

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();
    private final Function<Vessel, T> encoder;
    private final Executor drainExecutor;
    private final ScheduledExecutorService timer;
    private final FanoutMetrics metrics;
    private final AutoCloseable registrySubscription;

    public VesselFanout(VesselRegistry registry, Function<Vessel, T> encoder, Executor drainExecutor,
                        ScheduledExecutorService timer, FanoutMetrics metrics) {
        this.encoder = encoder;
        this.drainExecutor = drainExecutor;
        this.timer = timer;
        this.metrics = metrics;
        this.registrySubscription = registry.subscribe(this::publish);
    }

    /** Adds a subscriber; it first gets the given vessels that pass its filter, then every change that does. */
    public ConflatingSubscription<T> subscribe(Predicate<Vessel> filter, UpdateSink<T> sink, Iterable<Vessel> snapshot) {
        Entry<T>[] self = new Entry[1];
        ConflatingSubscription<T> subscription = new ConflatingSubscription<>(drainExecutor, timer, sink, metrics, 0,
                System::nanoTime, () -> entries.remove(self[0]));
        self[0] = new Entry<>(filter, subscription);
        entries.add(self[0]);
        for (Vessel v : snapshot) {
            if (filter.test(v)) {
                subscription.offerSnapshot(Long.toString(v.mmsi()), new EncodedOnce<>(v, encoder));
            }
        }
        subscription.snapshotComplete();
        return subscription;
    }

    public int subscriberCount() {
        return entries.size();
    }

    private void publish(Vessel vessel) {
        EncodedOnce<Vessel, T> encoded = null;
        for (Entry<T> e : entries) {
            if (e.filter().test(vessel)) {
                if (encoded == null) {
                    encoded = new EncodedOnce<>(vessel, encoder);
                }
                e.subscription().offer(Long.toString(vessel.mmsi()), encoded);
            }
        }
    }

    @Override
    public void close() throws Exception {
        registrySubscription.close();
        for (Entry<T> e : entries) {
            e.subscription().close();
        }
    }
}
