-- SkyFleet store, version 14: how an assignment's ETA was estimated (ROAD, STRAIGHT_LINE) and the unit's road route
-- when it was assigned, so both survive a restart. Rows written before read as not recorded (UNKNOWN, no route).
-- route: "lat lon" pairs in WGS-84 degrees, comma-separated, each number as Java writes a double (exact round trip).
ALTER TABLE assignment ADD COLUMN eta_method TEXT;
ALTER TABLE assignment ADD COLUMN route TEXT;
