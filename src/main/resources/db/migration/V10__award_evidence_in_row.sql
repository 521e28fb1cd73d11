-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- An award's evidence (the events that earned it, in order) lives in the award row. It is written once with the
-- award and read only with it, and as a table of its own it cost the award stage a row and an index entry per
-- event of evidence, and a join on every read of a learner's active awards (AwardStageBenchmark: 14% of
-- PostgreSQL's time).
alter table award add column evidence_event_ids varchar(255) array;
update award set evidence_event_ids = (
    select array_agg(e.event_id order by e.ordinal) from award_evidence e where e.award_id = award.award_id);
drop table award_evidence;
