-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- Every CSV backfill, from the API or the command line: what it read and sent so far, so that after a restart it is
-- clear what happened. A job still RUNNING whose progress stopped moving was interrupted (its process stopped).
create table backfill_job (
    job_id      varchar(36)              not null primary key,
    layout      varchar(255)             not null,
    file_name   varchar(1000)            not null,
    spool_file  varchar(1000),
    status      varchar(16)              not null,
    total_rows  bigint                   not null,
    rows_read   bigint                   not null,
    events_sent bigint                   not null,
    rejected    bigint                   not null,
    duplicates  bigint                   not null,
    started_by  varchar(255)             not null,
    started_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    error       varchar(2000),
    rerun_of    varchar(36)
);
create index backfill_job_by_start on backfill_job (started_at);

-- The lines a job skipped and why (as many as credbridge.ingest.backfill.max-listed-problems; every one is counted).
create table backfill_problem (
    job_id      varchar(36)   not null,
    line        bigint        not null,
    column_name varchar(255),
    detail      varchar(2000) not null
);
create index backfill_problem_by_job on backfill_problem (job_id, line);

-- Every event id a backfill has sent and Kafka acknowledged: a row imported again is counted as a duplicate and
-- not sent again. Written in the transaction that waits for Kafka, so an id is here only once its event is there.
create table backfill_event (
    event_id varchar(36) not null primary key
);
