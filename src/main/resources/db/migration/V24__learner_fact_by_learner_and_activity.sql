-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- A batch reads its learners' facts on the activities its events' credentials judge, not their whole record: this
-- index finds those facts without visiting the learner's others, so the read grows with what a batch can affect,
-- not with years of history. Built once on upgrade; writes to learner_fact wait while it is built.
create index learner_fact_by_learner_and_activity on learner_fact (learner_id, activity_id);
