package org.skyfleet.fleet.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An append-only, hash-chained journal kept in an {@link AuditStore}. The store holds the one chain: other
 * journals on the same store (other server nodes on one database) append to it too, so the head is the
 * store's tail at each append, never a copy held here.
 */
public final class AuditJournal {
    static final String GENESIS = "0".repeat(64);
    /** Entries per read when verifying the stored chain, so a long chain is never in memory at once. */
    private static final int VERIFY_PAGE = 10_000;

    private final InstantSource clock;
    private final AuditStore store;

    /** A journal of its own, in memory. */
    public AuditJournal(InstantSource clock) {
        this(clock, null);
    }

    /**
     * A journal kept in {@code store} (in memory if null): the chain stored before a restart, or by another
     * node, is continued, and each entry is stored before {@link #append} returns. A chain that was tampered
     * with stays broken where it was: {@link #firstBroken} finds it.
     */
    public AuditJournal(InstantSource clock, AuditStore store) {
        this.clock = clock;
        this.store = store == null ? new InMemoryAuditStore() : store;
    }

    /** Stores the entry after the chain's current tail, stamped with this journal's clock now. */
    public synchronized AuditEntry append(String actor, String action, String vehicleId, String detail, String result) {
        Instant time = clock.instant();
        return store.appendNext(tail -> next(tail, time, nz(actor), nz(action), nz(vehicleId), nz(detail), nz(result)));
    }

    /** The whole stored chain, in sequence order. */
    public List<AuditEntry> entries() {
        return store.loadAll();
    }

    /** Up to {@code limit} stored entries after {@code afterSequence}, in sequence order. */
    public List<AuditEntry> page(long afterSequence, int limit) {
        return store.page(afterSequence, limit);
    }

    /** {@link #firstBroken(List)} of the stored chain, read a page at a time. */
    public Optional<AuditEntry> firstBroken() {
        Link link = new Link();
        long after = 0;
        for (List<AuditEntry> page; !(page = store.page(after, VERIFY_PAGE)).isEmpty(); after = link.expected - 1) {
            for (AuditEntry e : page) {
                if (!link.follows(e)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    private static AuditEntry next(AuditEntry tail, Instant time, String actor, String action, String vehicleId,
                                   String detail, String result) {
        String previous = tail == null ? GENESIS : tail.hash();
        long sequence = tail == null ? 1 : tail.sequence() + 1;
        AuditEntry unsigned = new AuditEntry(sequence, time, actor, action, vehicleId, detail, result, previous, "");
        return new AuditEntry(sequence, time, actor, action, vehicleId, detail, result, previous, hashOf(unsigned));
    }

    /** The first entry whose hash or link does not match, or empty if the chain is intact. */
    public static Optional<AuditEntry> firstBroken(List<AuditEntry> chain) {
        Link link = new Link();
        for (AuditEntry e : chain) {
            if (!link.follows(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The chain's end so far while verifying: the sequence and previous hash the next entry must have. */
    private static final class Link {
        long expected = 1;
        String previous = GENESIS;

        boolean follows(AuditEntry e) {
            if (e.sequence() != expected || !e.previousHash().equals(previous) || !e.hash().equals(hashOf(e))) {
                return false;
            }
            previous = e.hash();
            expected++;
            return true;
        }
    }

    static String hashOf(AuditEntry e) {
        String canonical = String.join("\u001f", Long.toString(e.sequence()), e.time().toString(), e.actor(), e.action(),
                e.vehicleId(), e.detail(), e.result(), e.previousHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", impossible);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
