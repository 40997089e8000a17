package org.skyfleet.fleet.store;

import java.util.List;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.audit.AuditJournal;

/**
 * The audit chain as {@link AuditJournal} builds it. The store keeps entries as given, hashes included;
 * verifying them after a load is {@link AuditJournal#firstBroken}'s job, so a changed row shows there.
 */
public interface AuditStore {
    /** @throws StoreException if an entry with this sequence number is already stored */
    void append(AuditEntry entry);

    /** The whole chain in sequence order. */
    List<AuditEntry> loadAll();
}
