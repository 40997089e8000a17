package org.skyfleet.cluster.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.bus.DurableLog;
import org.skyfleet.fleet.bus.RecordKind;

/**
 * Appends a record that the store has just committed and waits, up to {@code ackWait}, for the log to
 * say it is stored, so a caller is normally acknowledged only once its write is both in the store and on
 * the log. The store is the record of truth: if the log does not answer in time (NATS away) the write
 * still stands, the failure is counted ({@code skyfleet_bus_records_failed_total}) and logged, and the
 * caller is not failed for it. The dedupe id is the record's content hash, so a retried write is one record.
 */
final class RecordPublisher {
    private static final Logger LOG = Logger.getLogger(RecordPublisher.class.getName());

    private final DurableLog log;
    private final Duration ackWait;

    RecordPublisher(DurableLog log, Duration ackWait) {
        this.log = log;
        this.ackWait = ackWait;
    }

    void publish(RecordKind kind, String key, byte[] payload) {
        try {
            log.append(kind, key, kind + ":" + key + ":" + digest(payload), payload).toCompletableFuture()
                    .get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, kind + " " + key + " is stored but not on the durable log: " + e.getMessage());
        }
    }

    private static String digest(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
