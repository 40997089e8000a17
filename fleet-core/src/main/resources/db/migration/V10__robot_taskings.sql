-- SkyFleet store, version 10: what each ground robot does (follows an officer, patrols, docks), one row per robot,
-- so that a pairing survives a restart.
CREATE TABLE robot_tasking (
    robot_vehicle_id  TEXT PRIMARY KEY,
    unit_id           TEXT NOT NULL,
    stand_off_m       DOUBLE PRECISION NOT NULL,
    duty              TEXT NOT NULL,
    changed_by        TEXT NOT NULL,
    changed_at_ns     BIGINT NOT NULL
);
