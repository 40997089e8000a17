-- SkyFleet store, version 1. Portable SQL: runs on PostgreSQL 15 and on H2 2.5 in MODE=PostgreSQL.
-- No RETURNING, no ON CONFLICT, no INTERVAL, no SERIAL: keys are the domain's own ids.
--
-- Times are BIGINT epoch nanoseconds (columns *_ns), except a sighting's time_ms, which the domain
-- already holds in milliseconds. Nanoseconds because the audit chain hashes Instant.toString(): a
-- timestamp column rounded to microseconds (PostgreSQL) would break every hash after a reload.
-- Positions are DOUBLE PRECISION degrees and metres, as the domain holds them.

CREATE TABLE incident (
    incident_id          TEXT PRIMARY KEY,
    external_id          TEXT NOT NULL,
    incident_type        TEXT NOT NULL,
    priority             TEXT NOT NULL,
    lat_deg              DOUBLE PRECISION NOT NULL,
    lon_deg              DOUBLE PRECISION NOT NULL,
    reported_at_ns       BIGINT NOT NULL,
    subject_description  TEXT NOT NULL,
    -- the missing person, all null unless incident_type = 'MISSING_PERSON'
    mp_lat_deg           DOUBLE PRECISION,
    mp_lon_deg           DOUBLE PRECISION,
    mp_last_seen_ns      BIGINT,
    mp_category          TEXT,
    mp_age_years         INTEGER,
    -- the search status (state, deadline, per-drone assignments with their segment lists, left-out
    -- drones) as JSON text: a nested value that is always read and written whole, never queried into
    search_json          TEXT NOT NULL,
    -- JSON arrays of ids: sets replaced whole on every save
    track_ids_json       TEXT NOT NULL,
    unit_ids_json        TEXT NOT NULL,
    close_reason         TEXT NOT NULL,
    closed_at_ns         BIGINT
);
CREATE INDEX incident_closed_at ON incident (closed_at_ns);

-- Append-only: seq 0, 1, 2... per incident, never updated.
CREATE TABLE incident_timeline (
    incident_id  TEXT NOT NULL REFERENCES incident (incident_id),
    seq          INTEGER NOT NULL,
    time_ns      BIGINT NOT NULL,
    kind         TEXT NOT NULL,
    text         TEXT NOT NULL,
    actor        TEXT NOT NULL,
    vehicle_id   TEXT NOT NULL,
    track_id     TEXT NOT NULL,
    unit_id      TEXT NOT NULL,
    sighting_id  TEXT NOT NULL,
    PRIMARY KEY (incident_id, seq)
);

-- The hash chain exactly as AuditJournal wrote it; verified after loading, not by the database.
CREATE TABLE audit_entry (
    sequence       BIGINT PRIMARY KEY,
    time_ns        BIGINT NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    vehicle_id     TEXT NOT NULL,
    detail         TEXT NOT NULL,
    result         TEXT NOT NULL,
    previous_hash  TEXT NOT NULL,
    hash           TEXT NOT NULL
);

CREATE TABLE sighting (
    sighting_id        TEXT PRIMARY KEY,
    source_kind        TEXT NOT NULL,
    source_id          TEXT NOT NULL,
    time_ms            BIGINT NOT NULL,
    lat_deg            DOUBLE PRECISION NOT NULL,
    lon_deg            DOUBLE PRECISION NOT NULL,
    east_var_m2        DOUBLE PRECISION NOT NULL,
    east_north_cov_m2  DOUBLE PRECISION NOT NULL,
    north_var_m2       DOUBLE PRECISION NOT NULL,
    target_class       TEXT NOT NULL,
    confidence         DOUBLE PRECISION NOT NULL,
    image_ref          TEXT,
    incident_id        TEXT
);
CREATE INDEX sighting_incident ON sighting (incident_id, time_ms);

CREATE TABLE assignment (
    assignment_id     TEXT PRIMARY KEY,
    unit_id           TEXT NOT NULL,
    incident_id       TEXT,
    track_id          TEXT,
    target_lat_deg    DOUBLE PRECISION,
    target_lon_deg    DOUBLE PRECISION,
    state             TEXT NOT NULL,
    eta_s             DOUBLE PRECISION NOT NULL,
    distance_m        DOUBLE PRECISION NOT NULL,
    acknowledge_by_ns BIGINT,
    updated_at_ns     BIGINT,
    description       TEXT
);
CREATE INDEX assignment_state ON assignment (state);

-- At most one lease per vehicle; a released lease is deleted.
CREATE TABLE control_lease (
    vehicle_id      TEXT PRIMARY KEY,
    holder_subject  TEXT NOT NULL,
    holder_role     TEXT NOT NULL,
    acquired_at_ns  BIGINT NOT NULL,
    expires_at_ns   BIGINT NOT NULL,
    reason          TEXT
);

-- Down-sampled (about 1 Hz per vehicle) before it gets here.
CREATE TABLE position_sample (
    vehicle_id  TEXT NOT NULL,
    time_ns     BIGINT NOT NULL,
    lat_deg     DOUBLE PRECISION NOT NULL,
    lon_deg     DOUBLE PRECISION NOT NULL,
    alt_amsl_m  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (vehicle_id, time_ns)
);
