package org.skyfleet.fleet.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.store.AuditStore;

/**
 * An append-only, hash-chained journal. This is the in-memory form; the persistence adapter keeps
 * the same chain in the store.
 */
public final class AuditJournal {
    static final String GENESIS = "0".repeat(64);

    private final List<AuditEntry> entries = new ArrayList<>();
    private final InstantSource clock;
    private final AuditStore store;

    public AuditJournal(InstantSource clock) {
        this(clock, null);
    }

    /**
     * A journal kept in {@code store}: the chain stored before a restart is loaded and continued, and each
     * entry is stored before {@link #append} returns. A chain that was tampered with stays broken where it
     * was: {@link #firstBroken} finds it.
     */
    public AuditJournal(InstantSource clock, AuditStore store) {
        this.clock = clock;
        this.store = store;
        if (store != null) {
            entries.addAll(store.loadAll());
        }
    }

    public synchronized AuditEntry append(String actor, String action, String vehicleId, String detail, String result) {
        String previous = entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash();
        long sequence = entries.size() + 1L;
        AuditEntry unsigned = new AuditEntry(sequence, clock.instant(), nz(actor), nz(action), nz(vehicleId), nz(detail),
                nz(result), previous, "");
        AuditEntry entry = new AuditEntry(unsigned.sequence(), unsigned.time(), unsigned.actor(), unsigned.action(),
                unsigned.vehicleId(), unsigned.detail(), unsigned.result(), previous, hashOf(unsigned));
        if (store != null) {
            store.append(entry);
        }
        entries.add(entry);
        return entry;
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** The first entry whose hash or link does not match, or empty if the chain is intact. */
    public static Optional<AuditEntry> firstBroken(List<AuditEntry> chain) {
        String previous = GENESIS;
        long expected = 1;
        for (AuditEntry e : chain) {
            if (e.sequence() != expected || !e.previousHash().equals(previous) || !e.hash().equals(hashOf(e))) {
                return Optional.of(e);
            }
            previous = e.hash();
            expected++;
        }
        return Optional.empty();
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
