-- SkyFleet store, version 12: the drone response policy in force (which calls launch a drone, wait for approval or
-- never fly, and the figures of the flight), so that one set over the API survives a restart. One row, replaced
-- whole on every set; the policy in the same "name = value" text an administrator writes in a policy file.
CREATE TABLE response_policy (
    policy_key   TEXT PRIMARY KEY,
    policy_text  TEXT NOT NULL,
    set_by       TEXT NOT NULL,
    set_at_ns    BIGINT NOT NULL
);
