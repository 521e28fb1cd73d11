-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- What each learner did on each activity, one row per event: a completion, or a graded attempt with its score.
-- Criteria are judged from these facts (best, latest or first attempt; score comparisons; windows), so a fact that
-- changes can change an award, and the same events end in the same awards in any arrival order. The row is also
-- the processed-event log entry of its event: the award stage writes one row per event, not two.
create table learner_fact (
    learner_id   varchar(255)             not null,
    event_id     varchar(255)             not null,
    activity_id  varchar(1024)            not null,
    kind         varchar(16)              not null,
    attempt_id   varchar(255),
    occurred_at  timestamp with time zone not null,
    score_raw    double precision,
    score_scaled double precision,
    passed       boolean,
    primary key (learner_id, event_id)
);
-- Deduplication and voids find a fact by its event.
create index learner_fact_by_event on learner_fact (event_id);

-- requirement_progress kept only "met once" per requirement: it cannot tell a latest attempt or a regrade, and
-- it cannot be turned into facts (it holds no scores). No release shipped it; progress starts again from events.
drop table requirement_progress;
