package org.skyfleet.telemetry.ais;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.telemetry.ais.AisFormatException.Reason;

/**
 * Counters of the AIS ingest: every sentence in is either accepted or dropped with a reason, so
 * {@code sentences = accepted + sum(dropped)}; decoded messages are counted by type.
 */
public final class AisIngestMetrics {
    private final MeterRegistry registry;
    private final Counter sentences;
    private final Counter accepted;
    private final Counter abandoned;
    private final Map<Reason, Counter> dropped = new EnumMap<>(Reason.class);
    private final Map<Integer, Counter> messages = new ConcurrentHashMap<>();

    public AisIngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sentences = Counter.builder("skyfleet.ais.sentences").description("AIS sentences received").register(registry);
        this.accepted = Counter.builder("skyfleet.ais.sentences.accepted").description("AIS sentences taken").register(registry);
        this.abandoned = Counter.builder("skyfleet.ais.fragments.abandoned")
                .description("multi-sentence messages given up incomplete (timed out, displaced, sequence reused)")
                .register(registry);
        for (Reason r : Reason.values()) {
            dropped.put(r, Counter.builder("skyfleet.ais.sentences.dropped").tag("reason", r.name().toLowerCase())
                    .description("AIS sentences dropped").register(registry));
        }
    }

    void sentence() {
        sentences.increment();
    }

    void accepted() {
        accepted.increment();
    }

    void dropped(Reason reason) {
        dropped.get(reason).increment();
    }

    void abandoned(int count) {
        abandoned.increment(count);
    }

    void message(int type) {
        messages.computeIfAbsent(type, t -> Counter.builder("skyfleet.ais.messages").tag("type", Integer.toString(t))
                .description("AIS messages decoded").register(registry)).increment();
    }

    public long sentenceCount() {
        return (long) sentences.count();
    }

    public long acceptedCount() {
        return (long) accepted.count();
    }

    public long droppedCount(Reason reason) {
        return (long) dropped.get(reason).count();
    }

    public long droppedCount() {
        return dropped.values().stream().mapToLong(c -> (long) c.count()).sum();
    }

    public long messageCount(int type) {
        Counter c = messages.get(type);
        return c == null ? 0 : (long) c.count();
    }
}
