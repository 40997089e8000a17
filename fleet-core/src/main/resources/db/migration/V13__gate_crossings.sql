-- SkyFleet store, version 13: the gates' crossings, so a gate's counters (the last hour, today) survive a restart.
-- One row per crossing; rows older than the counters need are deleted by the node that counts.
CREATE TABLE gate_crossing (
    gate_id       TEXT NOT NULL,
    subject_kind  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    direction     TEXT NOT NULL,
    time_ns       BIGINT NOT NULL,
    lat_deg       DOUBLE PRECISION NOT NULL,
    lon_deg       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (gate_id, subject_kind, subject_id, direction, time_ns)
);
CREATE INDEX gate_crossing_time ON gate_crossing (time_ns);
