-- SkyFleet store, version 6: what each aircraft is. Airframe profiles (the figures a plan flies with) and
-- the binding of each vehicle to its profile, by an operator or from the autopilot's AUTOPILOT_VERSION.
CREATE TABLE airframe_profile (
    profile_id            TEXT PRIMARY KEY,
    model                 TEXT NOT NULL,
    airframe_type         TEXT NOT NULL,
    cruise_speed_mps      DOUBLE PRECISION NOT NULL,
    max_speed_mps         DOUBLE PRECISION NOT NULL,
    climb_rate_mps        DOUBLE PRECISION NOT NULL,
    rated_endurance_s     DOUBLE PRECISION NOT NULL,
    wind_limit_mps        DOUBLE PRECISION NOT NULL,
    payload               TEXT NOT NULL,
    autopilot             TEXT NOT NULL,
    autopilot_vendor_id   INTEGER NOT NULL,
    autopilot_product_id  INTEGER NOT NULL,
    maintenance_interval_h        DOUBLE PRECISION NOT NULL,
    maintenance_interval_flights  INTEGER NOT NULL
);

CREATE TABLE airframe_binding (
    vehicle_id   TEXT PRIMARY KEY,
    profile_id   TEXT NOT NULL REFERENCES airframe_profile (profile_id),
    source       TEXT NOT NULL,
    bound_by     TEXT NOT NULL,
    bound_at_ns  BIGINT NOT NULL
);

-- Battery packs: identity, health, where each is fitted, and an admin's clearance past its limits.
CREATE TABLE battery_pack (
    pack_id              TEXT PRIMARY KEY,
    model                TEXT NOT NULL,
    rated_capacity_mah   DOUBLE PRECISION NOT NULL,
    full_capacity_mah    DOUBLE PRECISION NOT NULL,
    cycle_count          INTEGER NOT NULL,
    cycle_limit          INTEGER NOT NULL,
    fade_limit_percent   DOUBLE PRECISION NOT NULL,
    last_charged_ns      BIGINT,
    vehicle_id           TEXT NOT NULL,
    installed_ns         BIGINT,
    cleared_by           TEXT,
    cleared_ns           BIGINT,
    cleared_cycles       INTEGER,
    cleared_fade_percent DOUBLE PRECISION
);

-- Every flight, takeoff to landing; its events and track as JSON, always read and written whole.
CREATE TABLE flight (
    flight_id              TEXT PRIMARY KEY,
    vehicle_id             TEXT NOT NULL,
    profile_id             TEXT NOT NULL,
    pack_id                TEXT NOT NULL,
    flown_by               TEXT NOT NULL,
    mission_id             TEXT NOT NULL,
    incident_id            TEXT NOT NULL,
    takeoff_ns             BIGINT NOT NULL,
    landing_ns             BIGINT NOT NULL,
    distance_m             DOUBLE PRECISION NOT NULL,
    max_alt_rel_m          DOUBLE PRECISION NOT NULL,
    battery_start_percent  DOUBLE PRECISION,
    battery_end_percent    DOUBLE PRECISION,
    events_json            TEXT NOT NULL,
    track_json             TEXT NOT NULL
);
CREATE INDEX flight_vehicle_takeoff ON flight (vehicle_id, takeoff_ns);
CREATE INDEX flight_takeoff ON flight (takeoff_ns);

-- Maintenance done on an aircraft: its flight hours and flights count afresh from the latest.
CREATE TABLE maintenance_record (
    vehicle_id  TEXT NOT NULL,
    done_ns     BIGINT NOT NULL,
    done_by     TEXT NOT NULL,
    note        TEXT NOT NULL,
    PRIMARY KEY (vehicle_id, done_ns)
);
