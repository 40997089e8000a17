-- SkyFleet store, version 2: the rest of the control plane's state. Same rules as V1: portable SQL,
-- times as BIGINT epoch nanoseconds (track times in the domain's epoch milliseconds), nested values
-- that are always read and written whole as JSON text.

-- A geofence exactly as it was last put: shape, band, schedule and applicability in zone_json.
CREATE TABLE zone (
    zone_id    TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    category   TEXT NOT NULL,
    zone_json  TEXT NOT NULL
);

-- A mission with its approved items and every lifecycle transition; rewritten whole on each change.
CREATE TABLE mission (
    mission_id        TEXT PRIMARY KEY,
    vehicle_id        TEXT NOT NULL,
    state             TEXT NOT NULL,
    content_hash      TEXT NOT NULL,
    cruise_speed_mps  DOUBLE PRECISION NOT NULL,
    current_seq       INTEGER NOT NULL,
    reached_seq       INTEGER NOT NULL,
    items_json        TEXT NOT NULL,
    transitions_json  TEXT NOT NULL
);
CREATE INDEX mission_vehicle ON mission (vehicle_id);

-- The latest snapshot of each fused track, dropped ones included (their ids are never reused).
CREATE TABLE track (
    track_id            TEXT PRIMARY KEY,
    track_number        BIGINT NOT NULL,
    state               TEXT NOT NULL,
    target_class        TEXT NOT NULL,
    lat_deg             DOUBLE PRECISION NOT NULL,
    lon_deg             DOUBLE PRECISION NOT NULL,
    velocity_east_mps   DOUBLE PRECISION NOT NULL,
    velocity_north_mps  DOUBLE PRECISION NOT NULL,
    east_var_m2         DOUBLE PRECISION NOT NULL,
    east_north_cov_m2   DOUBLE PRECISION NOT NULL,
    north_var_m2        DOUBLE PRECISION NOT NULL,
    sighting_ids_json   TEXT NOT NULL,
    first_update_ms     BIGINT NOT NULL,
    last_update_ms      BIGINT NOT NULL,
    confidence          DOUBLE PRECISION NOT NULL,
    incident_id         TEXT
);
CREATE INDEX track_state ON track (state, last_update_ms);

-- Every vehicle that ever linked: who it is, when it was first and last heard, where it last was.
CREATE TABLE vehicle (
    vehicle_id         TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    autopilot          TEXT NOT NULL,
    mavlink_system_id  INTEGER NOT NULL,
    link_peer          TEXT NOT NULL,
    first_seen_ns      BIGINT NOT NULL,
    last_seen_ns       BIGINT NOT NULL,
    link_state         TEXT NOT NULL,
    last_lat_deg       DOUBLE PRECISION,
    last_lon_deg       DOUBLE PRECISION,
    last_alt_amsl_m    DOUBLE PRECISION
);
