package org.skyfleet.telemetry.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConflatingSubscriptionTest {
    private static final Executor DIRECT = Runnable::run;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final FanoutMetrics metrics = new FanoutMetrics(new SimpleMeterRegistry(), "test");
    private final RecordingSink sink = new RecordingSink();
    private final AtomicLong nanos = new AtomicLong();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private static Supplier<String> v(String item) {
        return () -> item;
    }

    private ConflatingSubscription<String> subscription(double maxRateHz) {
        return new ConflatingSubscription<>(DIRECT, timer, sink, metrics, maxRateHz, nanos::get, () -> { });
    }

    @Test
    void subscriberThatKeepsUpGetsEveryUpdateInOrder() {
        ConflatingSubscription<String> s = subscription(0);
        s.offer("A", v("A1"));
        s.offer("B", v("B1"));
        s.offer("A", v("A2"));
        s.offer("A", v("A3"));

        assertThat(sink.items()).containsExactly("A1", "B1", "A2", "A3");
        assertThat(sink.received).allSatisfy(d -> assertThat(d.skipped()).isZero());
    }

    @Test
    void slowSubscriberGetsTheNewestStatePerVehicleInItsPlaceAndIsToldWhatItMissed() {
        ConflatingSubscription<String> s = subscription(0);
        sink.ready = false;
        s.offer("A", v("A1"));
        s.offer("A", v("A2"));
        s.offer("B", v("B1"));
        s.offer("A", v("A3"));
        assertThat(s.isSlow()).isTrue();
        assertThat(s.pendingCount()).isEqualTo(2);

        sink.ready = true;
        s.onReady();

        assertThat(sink.received).containsExactly(new RecordingSink.Delivery("A3", 2), new RecordingSink.Delivery("B1", 0));
        assertThat(sink.batchSizes).last().isEqualTo(2);  // what waited goes out as one message
        assertThat(metrics.skippedCount()).isEqualTo(2);
        // Caught up: full delivery again.
        assertThat(s.isSlow()).isFalse();
        s.offer("A", v("A4"));
        s.offer("A", v("A5"));
        assertThat(sink.items()).endsWith("A4", "A5");
    }

    @Test
    void theInitialSnapshotNeverOvertakesALiveUpdate() {
        ConflatingSubscription<String> s = subscription(0);
        s.offer("A", v("A5-live"));
        s.offerSnapshot("A", v("A3-snapshot"));
        s.offerSnapshot("B", v("B2-snapshot"));
        s.snapshotComplete();
        s.offerSnapshot("C", v("C1-late-snapshot"));

        assertThat(sink.items()).containsExactly("A5-live", "B2-snapshot");
    }

    @Test
    void rateLimitHoldsTheNewestUpdateUntilTheVehiclesIntervalHasPassed() {
        ConflatingSubscription<String> s = subscription(10);  // 100 ms per vehicle
        s.offer("A", v("A1"));
        nanos.addAndGet(10_000_000);
        s.offer("A", v("A2"));
        nanos.addAndGet(10_000_000);
        s.offer("A", v("A3"));
        s.offer("B", v("B1"));
        assertThat(sink.items()).containsExactly("A1", "B1");

        nanos.addAndGet(79_000_000);  // 99 ms after A1: still too early
        s.releaseHeld();
        assertThat(sink.items()).containsExactly("A1", "B1");
        nanos.addAndGet(1_000_000);
        s.releaseHeld();

        // A2 was conflated away; the count rides on the next delivery of any vehicle (B1's).
        assertThat(sink.received).containsExactly(new RecordingSink.Delivery("A1", 0),
                new RecordingSink.Delivery("B1", 1), new RecordingSink.Delivery("A3", 0));
    }

    @Test
    void closedSubscriptionDeliversNothingMore() {
        ConflatingSubscription<String> s = subscription(0);
        s.offer("A", v("A1"));
        s.close();
        s.offer("A", v("A2"));

        assertThat(sink.items()).containsExactly("A1");
        assertThat(s.pendingCount()).isZero();
    }

    @Test
    void transportThatBreaksMidSendEndsOnlyThatSubscription() {
        boolean[] closed = {false};
        UpdateSink<String> broken = new UpdateSink<>() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void send(java.util.List<String> items, long skipped) {
                throw new IllegalStateException("call already cancelled");
            }
        };
        ConflatingSubscription<String> s = new ConflatingSubscription<>(DIRECT, timer, broken, metrics, 0, nanos::get,
                () -> closed[0] = true);

        s.offer("A", v("A1"));

        assertThat(s.isClosed()).isTrue();
        assertThat(closed[0]).isTrue();
    }
}
