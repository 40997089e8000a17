package org.skyfleet.telemetry.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.event.EventSeverity;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.telemetry.bus.InProcessFleetBus;

class FanoutTest {
    private static final Executor DIRECT = Runnable::run;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final InProcessFleetBus bus = new InProcessFleetBus();
    private final FanoutMetrics metrics = new FanoutMetrics(new SimpleMeterRegistry(), "test");

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private static VehicleState state(String id, long version) {
        return new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, 1, "h:1"),
                new FlightStatus(LinkState.CONNECTED, Instant.EPOCH, true, "HOLD", SystemStatus.ACTIVE, LandedState.IN_AIR),
                null, null, null, null, null, null, version);
    }

    @Test
    void eachStateIsEncodedOnceWhateverTheNumberOfSubscribersAndNotAtAllIfNobodyWantsIt() {
        AtomicInteger encodes = new AtomicInteger();
        StateFanout<String> fanout = new StateFanout<>(bus, s -> {
            encodes.incrementAndGet();
            return s.vehicleId() + "@" + s.version();
        }, DIRECT, timer, metrics);
        RecordingSink[] sinks = {new RecordingSink(), new RecordingSink(), new RecordingSink()};
        for (RecordingSink sink : sinks) {
            fanout.subscribe(s -> s.vehicleId().equals("A"), 0, sink, List.of());
        }

        bus.publishState(state("A", 1));
        bus.publishState(state("B", 1));

        assertThat(encodes).hasValue(1);
        for (RecordingSink sink : sinks) {
            assertThat(sink.items()).containsExactly("A@1");
        }
    }

    @Test
    void updatesConflatedAwayForASlowSubscriberAreNeverEncoded() {
        AtomicInteger encodes = new AtomicInteger();
        StateFanout<String> fanout = new StateFanout<>(bus, s -> {
            encodes.incrementAndGet();
            return s.vehicleId() + "@" + s.version();
        }, DIRECT, timer, metrics);
        RecordingSink sink = new RecordingSink();
        sink.ready = false;
        ConflatingSubscription<String> s = fanout.subscribe(x -> true, 0, sink, List.of());
        for (int v = 1; v <= 10; v++) {
            bus.publishState(state("A", v));
        }

        sink.ready = true;
        s.onReady();

        assertThat(sink.items()).containsExactly("A@10");
        assertThat(encodes).hasValue(1);
    }

    @Test
    void newSubscriberGetsTheCurrentSnapshotThenLiveChanges() {
        StateFanout<String> fanout = new StateFanout<>(bus, s -> s.vehicleId() + "@" + s.version(), DIRECT, timer, metrics);
        RecordingSink sink = new RecordingSink();

        fanout.subscribe(s -> true, 0, sink, List.of(state("A", 4), state("B", 2)));
        bus.publishState(state("A", 5));

        assertThat(sink.items()).containsExactly("A@4", "B@2", "A@5");
    }

    @Test
    void closingASubscriptionForgetsItAtOnce() {
        StateFanout<String> fanout = new StateFanout<>(bus, s -> s.vehicleId(), DIRECT, timer, metrics);
        RecordingSink sink = new RecordingSink();
        ConflatingSubscription<String> s = fanout.subscribe(x -> true, 0, sink, List.of());
        assertThat(fanout.subscriberCount()).isEqualTo(1);

        s.close();
        bus.publishState(state("A", 1));

        assertThat(fanout.subscriberCount()).isZero();
        assertThat(sink.items()).isEmpty();
    }

    @Test
    void eventSubscriberThatFallsBehindLosesTheOldestEventsAndIsToldHowMany() {
        EventFanout<String> fanout = new EventFanout<>(bus, VehicleEvent::message, DIRECT, metrics, 3);
        RecordingSink sink = new RecordingSink();
        sink.ready = false;
        BoundedSubscription<String> s = fanout.subscribe(e -> true, sink);
        for (int i = 1; i <= 5; i++) {
            bus.publishEvent(new VehicleEvent("A", EventType.STATUS_TEXT, EventSeverity.WARNING, "e" + i, Instant.EPOCH, i));
        }

        sink.ready = true;
        s.onReady();

        assertThat(sink.received).containsExactly(new RecordingSink.Delivery("e3", 2),
                new RecordingSink.Delivery("e4", 0), new RecordingSink.Delivery("e5", 0));
    }
}
