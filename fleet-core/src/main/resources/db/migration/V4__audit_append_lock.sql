-- SkyFleet store, version 4: one row that every audit append locks (SELECT ... FOR UPDATE) before it
-- reads the chain's tail, so appends from several server nodes on one database queue in turn. Without
-- it they race for the next sequence, and under load one node's appends kept losing to the others'.
CREATE TABLE audit_append_lock (
    id  INTEGER PRIMARY KEY
);
INSERT INTO audit_append_lock (id) VALUES (1);
