package org.skyfleet.server.vessel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.fleet.store.StoreException;
import org.skyfleet.fleet.vessel.Vessel;
import org.skyfleet.fleet.vessel.VesselRegistry;
import org.skyfleet.server.grpc.VesselGrpcService;

/**
 * Stores vessel positions for replay in the position history, under {@code vessel:<mmsi>}, at most one per
 * {@link #INTERVAL} per vessel, in one batch per second from its own thread: AIS ingest only queues. When the
 * store falls behind the queue is bounded and the oldest samples go first, counted.
 */
public final class VesselRecorder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VesselRecorder.class.getName());
    /** A class A vessel under way reports every 2-10 s: one sample in 10 s draws its track. */
    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** About 100 s of 10,000 vessels. */
    static final int MAX_PENDING = 100_000;

    private final PositionHistoryStore store;
    private final Map<Long, Instant> lastKept = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<PositionSample> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final Counter dropped;
    private final AutoCloseable subscription;

    public VesselRecorder(VesselRegistry registry, PositionHistoryStore store, ScheduledExecutorService writer, MeterRegistry meters) {
        this.store = store;
        this.dropped = Counter.builder("skyfleet.vessel.track.samples.dropped")
                .description("vessel positions not stored because the store fell behind").register(meters);
        writer.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
        this.subscription = registry.subscribe(this::onVessel);
    }

    private void onVessel(Vessel v) {
        if (!v.hasPosition()) {
            return;
        }
        Instant t = v.positionTime();
        boolean[] keep = {false};
        lastKept.compute(v.mmsi(), (k, last) -> {
            if (last == null || !t.isBefore(last.plus(INTERVAL))) {
                keep[0] = true;
                return t;
            }
            return last;
        });
        if (keep[0]) {
            pending.add(new PositionSample(VesselGrpcService.trackId(v.mmsi()), t, v.latDeg(), v.lonDeg(), 0));
            if (pendingCount.incrementAndGet() > MAX_PENDING && pending.poll() != null) {
                pendingCount.decrementAndGet();
                dropped.increment();
            }
        }
    }

    void flush() {
        List<PositionSample> batch = new ArrayList<>();
        for (PositionSample s; (s = pending.poll()) != null; ) {
            pendingCount.decrementAndGet();
            batch.add(s);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.appendAll(batch);
        } catch (StoreException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "could not store " + batch.size() + " vessel positions; the tracks have a gap", e);
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        flush();
    }
}
