package org.skyfleet.server.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.audit.AuditJournal;

/**
 * Refused calls (UNAUTHENTICATED, PERMISSION_DENIED; gRPC, console and webhook alike), audited in aggregate:
 * one journal entry per source, caller, reason and minute, with the count. Counting a refusal is a map
 * increment on the request thread; the journal, whose appends commit to the store one at a time under its
 * chain lock, is written by {@link #flush} from one background thread. So a flood of anonymous calls costs
 * neither a commit nor a thread each, and the journal grows by minutes, not by calls.
 *
 * <p>At most {@code maxKeys} distinct (source, caller, reason) rows are kept for the minutes not yet
 * written; beyond that a refusal is counted in a row of its minute whose source is {@link #OTHER_SOURCES},
 * so memory stays bounded whatever a flood varies.
 */
public final class RefusalTally {
    /** The source of the refusals counted after the table of a minute filled up. */
    public static final String OTHER_SOURCES = "other sources";
    private static final Logger LOG = Logger.getLogger(RefusalTally.class.getName());
    private static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();
    private static final long GRACE_MS = 2_000;

    /** One row of the tally: who was refused, why, in which minute (epoch minutes). */
    record Row(long minute, String source, String actor, String code, String reason) {
    }

    private final AuditJournal audit;
    private final InstantSource clock;
    private final int maxKeys;
    private final MeterRegistry meters;
    private final SourceBans bans;
    private final Map<Row, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicInteger rows = new AtomicInteger();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * @param audit   where the rows are written
     * @param maxKeys how many distinct rows may wait to be written before the rest are pooled
     * @param meters  counts {@code skyfleet_refused_calls_total{code}} as they happen; null: none
     */
    public RefusalTally(AuditJournal audit, InstantSource clock, int maxKeys, MeterRegistry meters) {
        this(audit, clock, maxKeys, meters, null);
    }

    /**
     * @param bans told of every UNAUTHENTICATED refusal, so a source that keeps knocking is banned (the ban is
     *             journalled here as a refusal of code BANNED); null: no bans
     */
    public RefusalTally(AuditJournal audit, InstantSource clock, int maxKeys, MeterRegistry meters, SourceBans bans) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
        }
        this.audit = audit;
        this.clock = clock;
        this.maxKeys = maxKeys;
        this.meters = meters;
        this.bans = bans;
    }

    /** Where sources that keep being refused are banned; null if none. */
    public SourceBans bans() {
        return bans;
    }

    /**
     * Counts one refusal. Never blocks and never touches the store.
     *
     * @param source the caller's network address (an IP, without the port that a client rotates at will)
     * @param actor  who the caller said it was: "anonymous", or the token's subject and role
     * @param code   UNAUTHENTICATED, PERMISSION_DENIED, or BANNED (a connection from a banned source)
     * @param reason what was refused and why, e.g. "FleetService/ListVehicles: a bearer token is required"
     */
    public void record(String source, String actor, String code, String reason) {
        count(source, actor, code, reason);
        // only the caller without a valid token is banned: a known user refused a method is the role table's business
        if (bans != null && "UNAUTHENTICATED".equals(code) && bans.refused(source)) {
            count(source, "anonymous", "BANNED", "source banned: " + bans.policy().describe());
        }
    }

    private void count(String source, String actor, String code, String reason) {
        long minute = clock.millis() / MINUTE_MS;
        Row row = new Row(minute, source, actor, code, reason);
        LongAdder count = counts.get(row);
        if (count == null) {
            if (rows.get() >= maxKeys) {
                row = new Row(minute, OTHER_SOURCES, "anyone", code, "refusals beyond " + maxKeys + " distinct sources and reasons");
            }
            count = counts.computeIfAbsent(row, r -> {
                rows.incrementAndGet();
                return new LongAdder();
            });
        }
        count.increment();
        if (meters != null) {
            counters.computeIfAbsent(code, c -> Counter.builder("skyfleet.refused.calls").tag("code", c)
                    .description("calls refused for who made them").register(meters)).increment();
        }
    }

    /**
     * Writes the rows of every minute that has ended (all of them with {@code everything}, at shutdown), one
     * journal entry each, oldest first.
     *
     * @return how many entries were written
     */
    public int flush(boolean everything) {
        long now = clock.millis();
        List<Row> due = new ArrayList<>();
        for (Row r : counts.keySet()) {
            // a little after the minute's end: a refusal counted as its minute closed is not lost with the row
            if (everything || (r.minute() + 1) * MINUTE_MS + GRACE_MS <= now) {
                due.add(r);
            }
        }
        due.sort(Comparator.comparingLong(Row::minute).thenComparing(Row::source).thenComparing(Row::reason));
        int written = 0;
        for (Row r : due) {
            LongAdder count = counts.remove(r);
            if (count == null) {
                continue;
            }
            rows.decrementAndGet();
            long n = count.sum();
            try {
                audit.append(r.actor(), "refused calls", "", String.format("%d from %s in the minute from %s: %s",
                        n, r.source(), java.time.Instant.ofEpochMilli(r.minute() * MINUTE_MS), r.reason()), r.code());
                written++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not journal " + n + " refusals from " + r.source(), e);
            }
        }
        return written;
    }

    /** Rows waiting to be written. */
    public int pendingRows() {
        return rows.get();
    }
}
