-- SkyFleet store, version 5: bearer tokens revoked before they expired, by token id, so that every node
-- sharing the database refuses them, restarts included.
CREATE TABLE token_revocation (
    token_id       TEXT PRIMARY KEY,
    reason         TEXT NOT NULL,
    revoked_by     TEXT NOT NULL,
    revoked_at_ns  BIGINT NOT NULL
);
