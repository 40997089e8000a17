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
    autopilot_product_id  INTEGER NOT NULL
);

CREATE TABLE airframe_binding (
    vehicle_id   TEXT PRIMARY KEY,
    profile_id   TEXT NOT NULL REFERENCES airframe_profile (profile_id),
    source       TEXT NOT NULL,
    bound_by     TEXT NOT NULL,
    bound_at_ns  BIGINT NOT NULL
);
