-- SkyFleet store, version 3: the outcome of every command a caller was answered, by the caller's
-- command id, so that a command repeated after a restart is answered again, not sent again.
CREATE TABLE command_outcome (
    command_id        TEXT PRIMARY KEY,
    fingerprint       TEXT NOT NULL,
    result            TEXT NOT NULL,
    progress_percent  INTEGER NOT NULL,
    attempts          INTEGER NOT NULL,
    detail            TEXT NOT NULL,
    answered_at_ns    BIGINT NOT NULL
);
CREATE INDEX command_outcome_answered_at ON command_outcome (answered_at_ns);
