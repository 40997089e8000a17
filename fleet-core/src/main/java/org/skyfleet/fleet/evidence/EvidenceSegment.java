package org.skyfleet.fleet.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded MP4 segment of a vehicle's feed, kept as evidence for an incident.
 *
 * @param segmentId     unique, and the file's path under the evidence directory: {@code incident/vehicle/name}
 * @param fileName      the file's name, unique within the incident (what an export writes)
 * @param start         UTC of its first frame (server clock)
 * @param end           UTC just after its last frame (server clock)
 * @param sha256        hex SHA-256 of the whole file
 * @param auditSequence the audit entry that journaled {@code sha256}
 * @param auditHash     that entry's hash
 */
public record EvidenceSegment(String segmentId, String incidentId, String vehicleId, String fileName, Instant start,
                              Instant end, long sizeBytes, String sha256, long auditSequence, String auditHash) {
    public EvidenceSegment {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(auditHash, "auditHash");
    }
}
