-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- The ingest channel each fact came through (xapi, canvas, moodle, openedx...), so that the same completion reported
-- by two sources (a Canvas completion and the LRS statement a plugin forwarded for it) counts once. Facts recorded
-- before this column existed have none and are never taken for another source's copy.
alter table learner_fact add column source varchar(64);
