package org.skyfleet.server.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.store.PositionDownsampler;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.fleet.store.StoreException;
import org.skyfleet.fleet.store.VehicleRecord;
import org.skyfleet.fleet.store.VehicleStore;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Writes the fleet's history to the store without ever holding up telemetry: each vehicle when it first
 * links and whenever its link changes, and its position down-sampled to about 1 Hz, written in one batch
 * per second. The bus listener only queues; one writer thread talks to the store.
 *
 * <p>History is not an acknowledged write: when the store is slower than the fleet, the queue is
 * bounded and the oldest samples go first, counted in {@code skyfleet_history_samples_dropped_total}.
 */
public final class FleetRecorder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FleetRecorder.class.getName());
    /** About 100 s of 1,000 vehicles at 1 Hz. */
    static final int MAX_PENDING_SAMPLES = 100_000;

    private final VehicleStore vehicles;
    private final PositionHistoryStore positions;
    private final PositionDownsampler sampler;
    private final InstantSource clock;
    private final ConcurrentLinkedQueue<PositionSample> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final Map<String, LinkState> lastLink = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("skyfleet-history", true));
    private final Counter dropped;
    private final Counter failedWrites;
    private final AutoCloseable subscription;

    public FleetRecorder(FleetBus bus, VehicleStore vehicles, PositionHistoryStore positions, InstantSource clock,
                         MeterRegistry meters, Duration flushInterval) {
        this.vehicles = vehicles;
        this.positions = positions;
        this.clock = clock;
        this.sampler = PositionDownsampler.oneHertz(new PositionHistoryStore() {
            @Override
            public void append(String vehicleId, Instant time, double latDeg, double lonDeg, double altAmslM) {
                enqueue(new PositionSample(vehicleId, time, latDeg, lonDeg, altAmslM));
            }

            @Override
            public List<PositionSample> replay(String vehicleId, Instant from, Instant to) {
                return positions.replay(vehicleId, from, to);
            }

            @Override
            public long pruneBefore(Instant cutoff) {
                return positions.pruneBefore(cutoff);
            }
        });
        this.dropped = Counter.builder("skyfleet_history_samples_dropped").description(
                "position samples not written because the store fell behind").register(meters);
        this.failedWrites = Counter.builder("skyfleet_history_writes_failed").description(
                "history batches the store refused").register(meters);
        long flushMs = flushInterval.toMillis();
        writer.scheduleWithFixedDelay(this::flush, flushMs, flushMs, TimeUnit.MILLISECONDS);
        this.subscription = bus.subscribeStates(this::onState);
    }

    /** The bus listener: on the ingest thread, so it only queues. */
    void onState(VehicleState s) {
        String id = s.vehicleId();
        LinkState link = s.status().linkState();
        if (lastLink.put(id, link) != link) { // first heard, or its link changed: the only per-vehicle work besides sampling
            Instant now = clock.instant();
            Instant first = firstSeen.computeIfAbsent(id, k -> now);
            double lat = s.position() == null ? Double.NaN : s.position().latDeg();
            double lon = s.position() == null ? Double.NaN : s.position().lonDeg();
            double alt = s.position() == null ? Double.NaN : s.position().altAmslM();
            VehicleRecord record = new VehicleRecord(s.identity(), first, now, link, lat, lon, alt);
            writer.execute(() -> write("vehicle " + id, () -> vehicles.save(record)));
        }
        if (s.position() != null && s.position().receivedAt() != null) {
            sampler.append(id, s.position().receivedAt(), s.position().latDeg(), s.position().lonDeg(),
                    s.position().altAmslM());
        }
    }

    private void enqueue(PositionSample sample) {
        pending.add(sample);
        if (pendingCount.incrementAndGet() > MAX_PENDING_SAMPLES && pending.poll() != null) {
            pendingCount.decrementAndGet();
            dropped.increment();
        }
    }

    /** Writes what is queued in one batch; on the writer thread. */
    void flush() {
        List<PositionSample> batch = new ArrayList<>();
        for (PositionSample s; (s = pending.poll()) != null; ) {
            pendingCount.decrementAndGet();
            batch.add(s);
        }
        if (!batch.isEmpty()) {
            write(batch.size() + " position samples", () -> positions.appendAll(batch));
        }
    }

    private void write(String what, Runnable work) {
        try {
            work.run();
        } catch (StoreException | IllegalArgumentException e) {
            failedWrites.increment();
            LOG.log(Level.WARNING, "could not record " + what + "; history has a gap", e);
        }
    }

    /** Stops listening and writes what is queued. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "unsubscribe failed", e);
        }
        writer.execute(this::flush);
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
