package org.skyfleet.server.history;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.StoreException;

/**
 * Keeps position history bounded: forgets samples older than the retention (serve
 * {@code --history-retention-days}). Call {@link #prune} from a timer; a failed prune is logged and tried
 * again next time, since nothing is lost by pruning late.
 */
public final class HistoryRetention {
    private static final Logger LOG = Logger.getLogger(HistoryRetention.class.getName());
    /** How often a server prunes: the history is at most this much older than the retention. */
    public static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final PositionHistoryStore history;
    private final Duration retention;
    private final InstantSource clock;

    /** @param retention how long samples are kept, > 0 */
    public HistoryRetention(PositionHistoryStore history, Duration retention, InstantSource clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("history retention must be > 0, got " + retention);
        }
        this.history = history;
        this.retention = retention;
        this.clock = clock;
    }

    public Duration retention() {
        return retention;
    }

    /** @return samples forgotten; 0 when the store refused (logged) */
    public long prune() {
        Instant cutoff = clock.instant().minus(retention);
        try {
            long removed = history.pruneBefore(cutoff);
            if (removed > 0) {
                LOG.info(() -> "forgot " + removed + " position samples from before " + cutoff);
            }
            return removed;
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "could not forget position history before " + cutoff + "; trying again later", e);
            return 0;
        }
    }
}
