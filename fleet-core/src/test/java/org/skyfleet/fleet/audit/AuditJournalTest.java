package org.skyfleet.fleet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditJournalTest {
    private final AuditJournal journal = new AuditJournal(() -> Instant.parse("2026-11-23T20:00:00Z"));

    private List<AuditEntry> three() {
        journal.append("alice (pilot)", "lease acquire", "d1", "ttl 30 s", "ACQUIRED");
        journal.append("alice (pilot)", "command ARM", "d1", "id c-1", "ACCEPTED");
        journal.append("chief (commander)", "lease take-over", "d1", "reason: sighting", "TAKEN_OVER");
        return journal.entries();
    }

    @Test
    void anIntactChainVerifies() {
        List<AuditEntry> chain = three();
        assertThat(chain).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
        assertThat(AuditJournal.firstBroken(chain)).isEmpty();
    }

    @Test
    void aChangedEntryIsFound() {
        List<AuditEntry> chain = new ArrayList<>(three());
        AuditEntry e = chain.get(1);
        chain.set(1, new AuditEntry(e.sequence(), e.time(), e.actor(), e.action(), e.vehicleId(), e.detail(), "DENIED",
                e.previousHash(), e.hash()));

        assertThat(AuditJournal.firstBroken(chain)).get().extracting(AuditEntry::sequence).isEqualTo(2L);
    }

    @Test
    void aRemovedEntryIsFound() {
        List<AuditEntry> chain = new ArrayList<>(three());
        chain.remove(1);

        assertThat(AuditJournal.firstBroken(chain)).get().extracting(AuditEntry::sequence).isEqualTo(3L);
    }
}
