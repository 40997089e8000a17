package org.skyfleet.cluster.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the broker side of the bus did, as {@code skyfleet_bus_*} in Prometheus. A node that falls behind shows it in
 * {@code conflated} (states replaced by newer ones before a listener took them) and {@code dropped}
 * (events lost to a full queue); {@code slow_consumer} counts the broker's own warnings, {@code dropped{kind=outgoing}} what a full
 * outgoing buffer discarded while the broker was unreachable or slow.
 */
public final class BusMetrics {
    final Counter statesPublished;
    final Counter eventsPublished;
    final Counter statesReceived;
    final Counter eventsReceived;
    final Counter statesConflated;
    final Counter eventsDropped;
    final Counter decodeErrors;
    final Counter listenerErrors;
    final Counter slowConsumer;
    final Counter outgoingDiscarded;
    final Counter recordsAppended;
    final Counter recordsFailed;
    final Timer recordAck;

    public BusMetrics(MeterRegistry r) {
        statesPublished = Counter.builder("skyfleet.bus.published").tag("kind", "state").register(r);
        eventsPublished = Counter.builder("skyfleet.bus.published").tag("kind", "event").register(r);
        statesReceived = Counter.builder("skyfleet.bus.received").tag("kind", "state").register(r);
        eventsReceived = Counter.builder("skyfleet.bus.received").tag("kind", "event").register(r);
        statesConflated = Counter.builder("skyfleet.bus.conflated").tag("kind", "state").register(r);
        eventsDropped = Counter.builder("skyfleet.bus.dropped").tag("kind", "event").register(r);
        decodeErrors = Counter.builder("skyfleet.bus.decode.errors").register(r);
        listenerErrors = Counter.builder("skyfleet.bus.listener.errors").register(r);
        slowConsumer = Counter.builder("skyfleet.bus.slow.consumer").register(r);
        outgoingDiscarded = Counter.builder("skyfleet.bus.dropped").tag("kind", "outgoing").register(r);
        recordsAppended = Counter.builder("skyfleet.bus.records.appended").register(r);
        recordsFailed = Counter.builder("skyfleet.bus.records.failed").register(r);
        recordAck = Timer.builder("skyfleet.bus.record.ack").description("append to JetStream acknowledgement").register(r);
    }

    public double statesConflated() {
        return statesConflated.count();
    }

    public double eventsDropped() {
        return eventsDropped.count();
    }

    public double statesReceived() {
        return statesReceived.count();
    }

    public double outgoingDiscarded() {
        return outgoingDiscarded.count();
    }

    public double slowConsumerWarnings() {
        return slowConsumer.count();
    }
}
