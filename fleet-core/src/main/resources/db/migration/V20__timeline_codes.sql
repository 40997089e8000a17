-- SkyFleet store, version 20: a timeline entry's message code and parameters, so a console renders it in
-- its own language (zh-CN, en). Entries written before have their kind as code and no parameters.
-- (Numbered apart from the versions other branches add next, so merging them keeps one order.)
ALTER TABLE incident_timeline ADD COLUMN code TEXT;
ALTER TABLE incident_timeline ADD COLUMN params_json TEXT;
