package org.skyfleet.cluster.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.cluster.bus.NatsFleetBusTest.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.bus.DurableRecord;
import org.skyfleet.fleet.bus.RecordKind;

/** The durable log on the real JetStream, in a stream of its own per test, deleted afterwards. */
class NatsDurableLogTest {
    private final String stream = NatsTestServer.unique("T_RECORDS_");
    private final String root = NatsTestServer.unique("trec");
    private Connection writer;
    private Connection reader;
    private NatsDurableLog writerLog;
    private NatsDurableLog readerLog;

    @BeforeEach
    void open() throws Exception {
        writer = NatsTestServer.connect("writer");
        reader = NatsTestServer.connect("reader");
        writerLog = new NatsDurableLog(writer, new BusMetrics(new SimpleMeterRegistry()), stream, root, Duration.ofHours(1));
        readerLog = new NatsDurableLog(reader, new BusMetrics(new SimpleMeterRegistry()), stream, root, Duration.ofHours(1));
    }

    @AfterEach
    void close() throws Exception {
        if (writer != null) {
            writer.jetStreamManagement().deleteStream(stream);
            writer.close();
            reader.close();
        }
    }

    @Test
    void anAppendIsAcknowledgedWithItsPlaceAndARetryIsStoredOnce() throws Exception {
        long first = append(RecordKind.SIGHTING, "inc-1", "s-1", "seen at the gate");
        long retried = append(RecordKind.SIGHTING, "inc-1", "s-1", "seen at the gate");
        long second = append(RecordKind.SIGHTING, "inc-1", "s-2", "seen by the river");
        assertThat(retried).isEqualTo(first);
        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void aFollowerThatRestartsGetsWhatItMissedAndNothingTwice() throws Exception {
        for (int i = 1; i <= 3; i++) {
            append(RecordKind.ASSIGNMENT, "asg-" + i, "a-" + i, "assignment " + i);
        }
        append(RecordKind.AUDIT, "audit", "x-1", "another kind");
        List<String> got = new CopyOnWriteArrayList<>();
        AutoCloseable follower = readerLog.follow("dispatch", RecordKind.ASSIGNMENT, r -> got.add(text(r)));
        await(() -> got.size() == 3);
        follower.close();

        for (int i = 4; i <= 5; i++) {
            append(RecordKind.ASSIGNMENT, "asg-" + i, "a-" + i, "assignment " + i);
        }
        AutoCloseable again = readerLog.follow("dispatch", RecordKind.ASSIGNMENT, r -> got.add(text(r)));
        await(() -> got.size() == 5 && settled("dispatch"));
        again.close();
        assertThat(got).containsExactly("assignment 1", "assignment 2", "assignment 3", "assignment 4", "assignment 5");
    }

    @Test
    void aRecordWhoseHandlerFailsComesAgain() throws Exception {
        append(RecordKind.INCIDENT, "inc-9", "i-9", "missing person");
        AtomicBoolean failedOnce = new AtomicBoolean();
        List<DurableRecord> handled = new CopyOnWriteArrayList<>();
        AutoCloseable follower = readerLog.follow("incidents", RecordKind.INCIDENT, r -> {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("store down");
            }
            handled.add(r);
        });
        await(() -> handled.size() == 1);
        follower.close();
        assertThat(handled.get(0).key()).isEqualTo("inc-9");
        assertThat(text(handled.get(0))).isEqualTo("missing person");
    }

    /** Nothing left to deliver and nothing delivered unacknowledged: no record can come (again). */
    private boolean settled(String durable) {
        try {
            var info = reader.jetStreamManagement().getConsumerInfo(stream, durable);
            return info.getNumPending() == 0 && info.getNumAckPending() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private long append(RecordKind kind, String key, String id, String text) throws Exception {
        return writerLog.append(kind, key, id, text.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static String text(DurableRecord r) {
        return new String(r.payload(), StandardCharsets.UTF_8);
    }
}
