-- SkyFleet store, version 11: position history is kept for a bounded time (serve --history-retention-days);
-- the periodic prune deletes by time alone, so it gets an index on time instead of scanning the table.
CREATE INDEX position_sample_time ON position_sample (time_ns);
