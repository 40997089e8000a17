package org.skyfleet.server.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns away a network source that keeps knocking without a valid token. Each source (an IP address) has a
 * bucket of {@link Policy#burst()} unauthenticated refusals refilled at {@link Policy#refusalsPerSecond()};
 * a source that empties it is banned for {@link Policy#ban()}: its open connections are closed, and new ones
 * are closed as soon as they are accepted, before TLS, HTTP/2 or a single header is read.
 *
 * <p>Why at the connection and not per call: a refusal is cheap, but a flood of them still costs a
 * connection's framing, headers and an executor hop each, on the cores an authorised pilot needs. A closed
 * connection costs the attacker a reconnect (a standard gRPC client backs off for seconds) and the server an
 * accept. The price: callers behind the same address (a NAT) are banned together; the burst and rate are set
 * far above what a person mistyping a token or a script retrying once a second produces.
 *
 * <p>Memory is bounded: at most {@link #MAX_SOURCES} buckets; beyond that, a new source is not tracked (fails
 * open) until {@link #prune()} drops buckets that have refilled and bans that have ended.
 */
public final class SourceBans {
    /** Buckets kept at once. */
    public static final int MAX_SOURCES = 10_000;

    /**
     * @param burst             refusals a source may collect at once before it is banned
     * @param refusalsPerSecond how fast its allowance comes back
     * @param ban               how long a banned source's connections are refused
     */
    public record Policy(int burst, double refusalsPerSecond, Duration ban) {
        public Policy {
            if (burst < 1 || !(refusalsPerSecond > 0) || ban == null || ban.isNegative() || ban.isZero()) {
                throw new IllegalArgumentException("a ban policy needs burst >= 1, a positive rate and a positive ban, got "
                        + burst + ", " + refusalsPerSecond + "/s, " + ban);
            }
        }

        /** 50 refusals at once, 5 a second after that, then 60 s out. */
        public static Policy defaults() {
            return new Policy(50, 5.0, Duration.ofSeconds(60));
        }

        /** The same thresholds, banning for {@code d}. */
        public Policy withBan(Duration d) {
            return new Policy(burst, refusalsPerSecond, d);
        }

        /** Why a source was banned, for the journal. */
        String describe() {
            return String.format(java.util.Locale.ROOT, "more than %d unauthenticated calls at over %.1f/s: connections closed and refused for %d s",
                    burst, refusalsPerSecond, ban.toSeconds());
        }
    }

    private static final class Bucket {
        double tokens;
        long refilledAtMs;
        long bannedUntilMs;

        Bucket(double tokens, long nowMs) {
            this.tokens = tokens;
            this.refilledAtMs = nowMs;
        }
    }

    private final Policy policy;
    private final InstantSource clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Set<Runnable>> open = new ConcurrentHashMap<>();
    private final Counter bans;
    private final Counter turnedAway;

    /** @param meters counts {@code skyfleet_source_bans_total} and {@code skyfleet_banned_connections_total}; null: none */
    public SourceBans(Policy policy, InstantSource clock, MeterRegistry meters) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = clock;
        this.bans = meters == null ? null : Counter.builder("skyfleet.source.bans").description("network sources banned for refusals")
                .register(meters);
        this.turnedAway = meters == null ? null : Counter.builder("skyfleet.banned.connections")
                .description("connections closed because their source was banned").register(meters);
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Counts one unauthenticated refusal of {@code source}.
     *
     * @return true if this refusal banned it (its open connections are being closed)
     */
    public boolean refused(String source) {
        long now = clock.millis();
        Bucket b = buckets.get(source);
        if (b == null) {
            if (buckets.size() >= MAX_SOURCES) {
                return false;
            }
            b = buckets.computeIfAbsent(source, s -> new Bucket(policy.burst(), now));
        }
        boolean banned;
        synchronized (b) {
            if (b.bannedUntilMs > now) {
                return false;
            }
            b.tokens = Math.min(policy.burst(), b.tokens + (now - b.refilledAtMs) / 1000.0 * policy.refusalsPerSecond());
            b.refilledAtMs = now;
            b.tokens -= 1;
            banned = b.tokens < 0;
            if (banned) {
                b.bannedUntilMs = now + policy.ban().toMillis();
                b.tokens = policy.burst(); // a fresh allowance once the ban ends
            }
        }
        if (banned) {
            if (bans != null) {
                bans.increment();
            }
            Set<Runnable> connections = open.get(source);
            if (connections != null) {
                connections.forEach(Runnable::run);
            }
        }
        return banned;
    }

    /** Whether connections from {@code source} are refused now. */
    public boolean banned(String source) {
        Bucket b = buckets.get(source);
        if (b == null) {
            return false;
        }
        synchronized (b) {
            return b.bannedUntilMs > clock.millis();
        }
    }

    /** A connection from {@code source} arrives: true if it must be closed now, for its source is banned. */
    public boolean turnAway(String source) {
        if (!banned(source)) {
            return false;
        }
        if (turnedAway != null) {
            turnedAway.increment();
        }
        return true;
    }

    /**
     * Remembers an open connection from {@code source}, to be closed by {@code close} if its source is banned;
     * the returned action forgets it (run it when the connection closes).
     */
    public Runnable track(String source, Runnable close) {
        open.computeIfAbsent(source, s -> ConcurrentHashMap.newKeySet()).add(close);
        return () -> open.computeIfPresent(source, (s, set) -> {
            set.remove(close);
            return set.isEmpty() ? null : set;
        });
    }

    /** {@link #turnAway} and {@link #track} in one: runs {@code close} and returns null if the source is banned. */
    public Runnable admit(String source, Runnable close) {
        if (turnAway(source)) {
            close.run();
            return null;
        }
        return track(source, close);
    }

    /** Drops buckets that are full again and not banned, so the table holds only sources still misbehaving. */
    public void prune() {
        long now = clock.millis();
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                double tokens = b.tokens + (now - b.refilledAtMs) / 1000.0 * policy.refusalsPerSecond();
                return b.bannedUntilMs <= now && tokens >= policy.burst();
            }
        });
    }

    /** Sources tracked now (for tests and the metrics page). */
    public int trackedSources() {
        return buckets.size();
    }
}
