-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- Which SIS person an LMS-side learner identifier stands for. namespace is '' for the schemes that are global
-- (mbox, mbox_sha1sum, openid) rather than NULL, because it is part of the key and NULLs never compare equal.
-- The identifier column is not called value, a reserved word in H2. Identifier parts stay within 512 characters
-- so the key fits PostgreSQL's index entry limit.
create table learner_mapping (
    scheme        varchar(16)              not null,
    namespace     varchar(512)             not null,
    identifier    varchar(512)             not null,
    sis_person_id varchar(255)             not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(255)             not null,
    primary key (scheme, namespace, identifier)
);

-- Which SIS course (and, where the SIS has them, section and term) an LMS course IRI stands for.
create table course_mapping (
    lms_course_id   varchar(1024)            not null primary key,
    sis_course_code varchar(255)             not null,
    sis_section     varchar(255),
    sis_term        varchar(255),
    updated_at      timestamp with time zone not null,
    updated_by      varchar(255)             not null
);

-- Events the award stage cannot use yet because no SIS person id is known for their learner (when
-- credbridge.identity.require-sis-id is on). The Avro record is kept byte for byte with its origin, so the event
-- can be evaluated again when a mapping arrives.
create table parked_event (
    event_id         varchar(1024)            not null primary key,
    source           varchar(64),
    origin_topic     varchar(255)             not null,
    origin_partition integer                  not null,
    origin_offset    bigint                   not null,
    origin_key       varchar(1024),
    payload          bytea                    not null,
    reason           varchar(2000)            not null,
    parked_at        timestamp with time zone not null
);
create index parked_event_by_parked_at on parked_event (parked_at);

-- The learner identifiers a parked event carries, in the event's order: a new mapping finds its events by them.
create table parked_event_identifier (
    event_id  varchar(1024) not null references parked_event (event_id),
    ordinal   integer       not null,
    scheme    varchar(16)   not null,
    namespace  varchar(512) not null,
    identifier varchar(512) not null,
    primary key (event_id, ordinal)
);
create index parked_event_identifier_by_key on parked_event_identifier (scheme, namespace, identifier);
