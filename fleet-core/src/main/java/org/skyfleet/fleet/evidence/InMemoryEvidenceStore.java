package org.skyfleet.fleet.evidence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link EvidenceStore} in memory. */
public final class InMemoryEvidenceStore implements EvidenceStore {
    private static final Comparator<EvidenceSegment> ORDER = Comparator.comparing(EvidenceSegment::start)
            .thenComparing(EvidenceSegment::segmentId);
    private final Map<String, EvidenceSegment> byId = new ConcurrentHashMap<>();

    @Override
    public void save(EvidenceSegment segment) {
        byId.put(segment.segmentId(), segment);
    }

    @Override
    public Optional<EvidenceSegment> find(String segmentId) {
        return Optional.ofNullable(byId.get(segmentId));
    }

    @Override
    public List<EvidenceSegment> byIncident(String incidentId) {
        return byId.values().stream().filter(s -> s.incidentId().equals(incidentId)).sorted(ORDER).toList();
    }

    @Override
    public List<EvidenceSegment> endedBefore(Instant cutoff) {
        return byId.values().stream().filter(s -> s.end().isBefore(cutoff)).sorted(ORDER).toList();
    }

    @Override
    public boolean delete(String segmentId) {
        return byId.remove(segmentId) != null;
    }
}
