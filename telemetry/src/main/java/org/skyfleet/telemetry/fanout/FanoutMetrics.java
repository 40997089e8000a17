package org.skyfleet.telemetry.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of one fan-out: updates delivered, and updates conflated or dropped for slow subscribers. */
public final class FanoutMetrics {
    private final Counter sent;
    private final Counter skipped;

    public FanoutMetrics(MeterRegistry registry, String stream) {
        this.sent = Counter.builder("skyfleet.fanout.updates.sent").tag("stream", stream)
                .description("updates delivered to subscribers").register(registry);
        this.skipped = Counter.builder("skyfleet.fanout.updates.conflated").tag("stream", stream)
                .description("updates replaced by a newer one or dropped because a subscriber was slow")
                .register(registry);
    }

    void sent(int updates) {
        sent.increment(updates);
    }

    void skipped() {
        skipped.increment();
    }

    public double sentCount() {
        return sent.count();
    }

    public double skippedCount() {
        return skipped.count();
    }
}
