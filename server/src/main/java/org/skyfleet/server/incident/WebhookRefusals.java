package org.skyfleet.server.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.server.http.HttpReply;

/**
 * The one place a refused webhook delivery is counted and journaled. Every refusal is counted in
 * {@code skyfleet_webhook_refused_total{reason}}; the audit journal gets at most one entry per reason per
 * {@link #JOURNAL_INTERVAL}, saying how many were refused since the last one, so that a caller hammering
 * the port cannot grow the journal (which is hash-chained and kept) without bound.
 */
public final class WebhookRefusals {
    /** Each reason is journaled at most once in this long. */
    public static final Duration JOURNAL_INTERVAL = Duration.ofMinutes(1);

    /** Why a delivery was refused; {@link #tag()} is the metric's {@code reason} label. */
    public enum Reason {
        MISSING_SIGNATURE(401, "unauthenticated"),
        MALFORMED_SIGNATURE(401, "unauthenticated"),
        BAD_SIGNATURE(401, "unauthenticated"),
        STALE_TIMESTAMP(401, "unauthenticated"),
        BEARER_OUTSIDE_LAB(401, "unauthenticated"),
        WRONG_SECRET(401, "unauthenticated"),
        REPLAY(409, "replayed"),
        REPLAY_CACHE_FULL(503, "unavailable");

        final int status;
        final String error;

        Reason(int status, String error) {
            this.status = status;
            this.error = error;
        }

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final AuditJournal audit;
    private final InstantSource clock;
    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);
    private final Map<Reason, Instant> lastJournaled = new EnumMap<>(Reason.class);
    private final Map<Reason, Long> unjournaled = new EnumMap<>(Reason.class);

    public WebhookRefusals(AuditJournal audit, InstantSource clock, MeterRegistry meters) {
        this.audit = audit;
        this.clock = clock;
        for (Reason r : Reason.values()) {
            counters.put(r, Counter.builder("skyfleet.webhook.refused").tag("reason", r.tag())
                    .description("webhook deliveries refused before any incident was made").register(meters));
        }
    }

    /** Counts the refusal, journals it if its reason was not journaled in the last interval, and answers it. */
    public HttpReply refuse(Reason reason, String message) {
        counters.get(reason).increment();
        journal(reason, message);
        return HttpReply.error(reason.status, reason.error, message);
    }

    private void journal(Reason reason, String message) {
        Instant now = clock.instant();
        long since;
        synchronized (this) {
            Instant last = lastJournaled.get(reason);
            if (last != null && now.isBefore(last.plus(JOURNAL_INTERVAL))) {
                unjournaled.merge(reason, 1L, Long::sum);
                return;
            }
            lastJournaled.put(reason, now);
            since = unjournaled.getOrDefault(reason, 0L);
            unjournaled.put(reason, 0L);
        }
        String detail = reason.tag() + ": " + message + (since == 0 ? ""
                : " (and " + since + " more refused for this reason since the last entry, counted in skyfleet_webhook_refused_total)");
        audit.append("webhook", "incident webhook", IncidentWebhook.PATH, detail, reason.status == 401 ? "UNAUTHENTICATED"
                : reason.error.toUpperCase(java.util.Locale.ROOT));
    }
}
