-- SkyFleet store, version 8: the MP4 segments recorded from an incident's drones as evidence, each with its
-- SHA-256 and the audit entry that journaled it (the files are under the server's evidence directory).
CREATE TABLE evidence_segment (
    segment_id      VARCHAR(512) PRIMARY KEY,
    incident_id     VARCHAR(128) NOT NULL,
    vehicle_id      VARCHAR(128) NOT NULL,
    file_name       VARCHAR(256) NOT NULL,
    start_ns        BIGINT       NOT NULL,
    end_ns          BIGINT       NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    audit_sequence  BIGINT       NOT NULL,
    audit_hash      CHAR(64)     NOT NULL
);
CREATE INDEX evidence_segment_incident ON evidence_segment (incident_id, start_ns);
CREATE INDEX evidence_segment_end ON evidence_segment (end_ns);
