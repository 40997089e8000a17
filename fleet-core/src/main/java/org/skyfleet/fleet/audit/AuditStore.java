package org.skyfleet.fleet.audit;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The audit chain as {@link AuditJournal} builds it, shared by every writer of the store (several server
 * nodes on one database). The store keeps entries as given, hashes included; verifying them after a load
 * is {@link AuditJournal#firstBroken}'s job, so a changed row shows there.
 */
public interface AuditStore {
    /**
     * Appends the entry after the stored tail, atomically against other writers: reads the tail (null for an
     * empty chain), asks {@code next} for the entry that follows it and stores that. If another writer
     * appended first, {@code next} is asked again with the new tail, so it must only build the entry.
     *
     * @return the entry stored
     * @throws IllegalArgumentException if {@code next} gives a sequence other than the tail's plus one
     * @throws org.skyfleet.fleet.store.StoreException if the write fails, or other writers kept appending first
     */
    AuditEntry appendNext(UnaryOperator<AuditEntry> next);

    /** Up to {@code limit} (>= 0) entries with a sequence above {@code afterSequence}, in sequence order. */
    List<AuditEntry> page(long afterSequence, int limit);

    /** The whole chain in sequence order. */
    List<AuditEntry> loadAll();

    /** {@code next} if it follows {@code tail} by sequence; what every implementation checks before storing. */
    static AuditEntry requireFollows(AuditEntry tail, AuditEntry next) {
        long expected = tail == null ? 1 : tail.sequence() + 1;
        if (next == null || next.sequence() != expected) {
            throw new IllegalArgumentException("the audit entry after " + (tail == null ? "none" : tail.sequence())
                    + " must have sequence " + expected + ", got " + (next == null ? "null" : next.sequence()));
        }
        return next;
    }

    static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("page limit must be >= 0, got " + limit);
        }
    }
}
