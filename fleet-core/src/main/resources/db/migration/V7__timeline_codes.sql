-- SkyFleet store, version 7: a timeline entry's message code and parameters, so a console renders it in
-- its own language (zh-CN, en). Entries written before have their kind as code and no parameters.
ALTER TABLE incident_timeline ADD COLUMN code TEXT;
ALTER TABLE incident_timeline ADD COLUMN params_json TEXT;
