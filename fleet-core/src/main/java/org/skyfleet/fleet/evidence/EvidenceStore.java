package org.skyfleet.fleet.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The records of recorded evidence segments (the files themselves are the recorder's). */
public interface EvidenceStore {

    /** Keeps a segment's record; the same segment id again replaces it. */
    void save(EvidenceSegment segment);

    Optional<EvidenceSegment> find(String segmentId);

    /** An incident's segments, by start time then segment id. */
    List<EvidenceSegment> byIncident(String incidentId);

    /** Segments that ended strictly before {@code cutoff}, oldest first: what retention deletes. */
    List<EvidenceSegment> endedBefore(Instant cutoff);

    /** Forgets a segment's record; false if there was none. */
    boolean delete(String segmentId);
}
