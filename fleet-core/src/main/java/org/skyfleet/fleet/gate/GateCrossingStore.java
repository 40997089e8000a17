package org.skyfleet.fleet.gate;

import java.time.Instant;
import java.util.List;

/**
 * The gates' crossings, kept so a gate's counters for the last hour and today survive a restart (migration V13).
 * A node appends what each sampling pass found and, when it starts, reloads the crossings since the earlier of
 * an hour ago and the local midnight. Crossings older than the counters need are deleted.
 */
public interface GateCrossingStore {
    /** Stores crossings in one write; one already stored (same gate, subject, direction and time) is not doubled. */
    void append(List<GateCrossing> crossings);

    /** Every crossing at or after {@code from}, oldest first. */
    List<GateCrossing> since(Instant from);

    /** Deletes the crossings before {@code cutoff}. @return how many */
    int deleteBefore(Instant cutoff);
}
