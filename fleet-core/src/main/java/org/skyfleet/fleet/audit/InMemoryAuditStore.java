package org.skyfleet.fleet.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The audit chain in memory; one lock makes read-tail-then-append atomic. */
public final class InMemoryAuditStore implements AuditStore {
    private final TreeMap<Long, AuditEntry> chain = new TreeMap<>();

    @Override
    public synchronized AuditEntry appendNext(UnaryOperator<AuditEntry> next) {
        Map.Entry<Long, AuditEntry> last = chain.lastEntry();
        AuditEntry tail = last == null ? null : last.getValue();
        AuditEntry entry = AuditStore.requireFollows(tail, next.apply(tail));
        chain.put(entry.sequence(), entry);
        return entry;
    }

    @Override
    public synchronized List<AuditEntry> page(long afterSequence, int limit) {
        AuditStore.requireLimit(limit);
        return chain.tailMap(afterSequence, false).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<AuditEntry> loadAll() {
        return List.copyOf(chain.values());
    }
}
