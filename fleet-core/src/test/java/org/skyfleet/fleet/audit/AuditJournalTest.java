package org.skyfleet.fleet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
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

    @Test
    void theStoredChainIsVerifiedAcrossPages() {
        InMemoryAuditStore kept = new InMemoryAuditStore();
        AuditStore twoAPage = new AuditStore() { // a store that answers short pages, as it may
            @Override
            public AuditEntry appendNext(UnaryOperator<AuditEntry> next) {
                return kept.appendNext(next);
            }

            @Override
            public List<AuditEntry> page(long afterSequence, int limit) {
                return kept.page(afterSequence, Math.min(limit, 2));
            }

            @Override
            public List<AuditEntry> loadAll() {
                return kept.loadAll();
            }
        };
        AuditJournal stored = new AuditJournal(() -> Instant.parse("2026-11-23T20:00:00Z"), twoAPage);
        for (int n = 1; n <= 5; n++) {
            stored.append("system", "mission approved", "", "m-" + n, "OK");
        }
        assertThat(stored.firstBroken()).isEmpty();

        AuditEntry fifth = kept.loadAll().get(4);
        AuditEntry forged = new AuditEntry(6, fifth.time(), "system", "x", "", "", "OK", "f".repeat(64), "f".repeat(64));
        kept.appendNext(tail -> forged);

        assertThat(stored.firstBroken()).contains(forged);
        assertThat(AuditJournal.firstBroken(stored.entries())).contains(forged);
    }

    @Test
    void eachEntryIsStampedWithTheJournalsClockAtAppend() {
        Instant[] now = {Instant.parse("2026-11-23T20:00:00.000000001Z")};
        AuditJournal ticking = new AuditJournal(() -> now[0]);
        AuditEntry first = ticking.append("a", "b", "", "", "OK");
        now[0] = now[0].plusSeconds(3);
        AuditEntry second = ticking.append("a", "b", "", "", "OK");

        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-23T20:00:00.000000001Z"));
        assertThat(second.time()).isEqualTo(now[0]);
        assertThat(ticking.entries()).containsExactly(first, second);
    }
}
