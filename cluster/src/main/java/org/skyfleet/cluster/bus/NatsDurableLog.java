package org.skyfleet.cluster.bus;

import io.micrometer.core.instrument.Timer;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.bus.DurableLog;
import org.skyfleet.fleet.bus.DurableRecord;
import org.skyfleet.fleet.bus.RecordKind;

/**
 * The durable log on a JetStream stream ({@value #STREAM}, file storage, subjects {@code skyfleet.rec.>}).
 * An append completes when JetStream's publish acknowledgement arrives, that is once the record is on
 * disk; the {@code Nats-Msg-Id} header makes a retried append within the duplicate window one record.
 * A follower is a durable pull consumer with explicit acks, fed one record at a time on its own thread,
 * so a record is acknowledged only after its handler returned.
 */
public final class NatsDurableLog implements DurableLog {
    public static final String STREAM = "SKYFLEET_RECORDS";
    private static final Logger LOG = Logger.getLogger(NatsDurableLog.class.getName());
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    /** How long one pull waits for a record (JetStream's minimum); also bounds how long closing a follower takes. */
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Connection nats;
    private final String stream;
    private final String root;
    private final JetStream js;
    private final BusMetrics metrics;

    /** Opens the fleet's log, creating its stream if this is the first node to use it. */
    public static NatsDurableLog open(Connection nats, BusMetrics metrics, Duration maxAge) throws IOException, JetStreamApiException {
        return new NatsDurableLog(nats, metrics, STREAM, BusSubjects.RECORD_ROOT, maxAge);
    }

    /**
     * Opens a log on stream {@code stream} holding subjects {@code root.>}, creating the stream if needed
     * (tests and a second fleet on the same NATS use their own).
     *
     * @param maxAge how long records are kept
     */
    public NatsDurableLog(Connection nats, BusMetrics metrics, String stream, String root, Duration maxAge)
            throws IOException, JetStreamApiException {
        this.nats = nats;
        this.stream = stream;
        this.root = root;
        this.js = nats.jetStream();
        this.metrics = metrics;
        JetStreamManagement jsm = nats.jetStreamManagement();
        if (!jsm.getStreamNames().contains(stream)) {
            try {
                jsm.addStream(StreamConfiguration.builder().name(stream).subjects(root + ".>")
                        .storageType(StorageType.File).maxAge(maxAge).duplicateWindow(Duration.ofMinutes(2)).build());
            } catch (JetStreamApiException e) {
                if (!jsm.getStreamNames().contains(stream)) {  // another node may have created it meanwhile
                    throw e;
                }
            }
        }
    }

    @Override
    public CompletionStage<Long> append(RecordKind kind, String key, String dedupeId, byte[] payload) {
        Headers headers = new Headers().put("Nats-Msg-Id", dedupeId);
        Timer.Sample sample = Timer.start();
        return js.publishAsync(BusSubjects.record(root, kind, key), headers, payload)
                .orTimeout(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ack, error) -> {
                    sample.stop(metrics.recordAck);
                    if (error != null) {
                        metrics.recordsFailed.increment();
                        throw new IllegalStateException("record not stored: " + error.getMessage(), error);
                    }
                    metrics.recordsAppended.increment();
                    return ack.getSeqno();
                });
    }

    @Override
    public AutoCloseable follow(String durableName, RecordKind kind, Consumer<DurableRecord> handler) {
        ConsumerContext consumer;
        try {
            nats.jetStreamManagement().addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                    .durable(durableName).filterSubject(BusSubjects.recordFilter(root, kind))
                    .ackPolicy(AckPolicy.Explicit).deliverPolicy(DeliverPolicy.All).ackWait(Duration.ofSeconds(30)).build());
            consumer = js.getConsumerContext(stream, durableName);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot follow " + kind + " as " + durableName + ": " + e.getMessage(), e);
        }
        Follower follower = new Follower(consumer, kind, handler);
        Thread t = new Thread(follower, "skyfleet-log-" + durableName);
        t.setDaemon(true);
        t.start();
        return () -> {
            follower.running = false;
            t.join(POLL.toMillis() * 3);
        };
    }

    private final class Follower implements Runnable {
        private final ConsumerContext consumer;
        private final RecordKind kind;
        private final Consumer<DurableRecord> handler;
        volatile boolean running = true;

        Follower(ConsumerContext consumer, RecordKind kind, Consumer<DurableRecord> handler) {
            this.consumer = consumer;
            this.kind = kind;
            this.handler = handler;
        }

        @Override
        public void run() {
            while (running) {
                Message m;
                try {
                    m = consumer.next(POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "log poll failed; retrying in a second", e);
                    try {
                        Thread.sleep(POLL.toMillis());  // broker away: do not spin
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    continue;
                }
                if (m == null) {
                    continue;
                }
                try {
                    handler.accept(new DurableRecord(kind, BusSubjects.lastToken(m.getSubject()), m.getData(),
                            m.metaData().streamSequence()));
                    m.ack();
                } catch (RuntimeException e) {
                    metrics.listenerErrors.increment();
                    LOG.log(Level.WARNING, "record handler failed; the record comes again", e);
                    m.nak();
                }
            }
        }
    }
}
