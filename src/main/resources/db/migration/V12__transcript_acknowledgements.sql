-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- Entries delivered in import files to a SIS that loads them later and acknowledges per record: each waits here
-- (SENT) until an acknowledgement file says it was loaded (WRITTEN) or refused (REJECTED, then also in the review
-- queue with the SIS's message). The award change is kept so a refused entry can be queued and resubmitted.
create table transcript_acknowledgement (
    entry_key       varchar(64)              not null primary key,
    award_id        varchar(36)              not null,
    status          varchar(16)              not null,
    payload         text                     not null,
    sis_message     varchar(2000),
    ack_file        varchar(255),
    sent_at         timestamp with time zone not null,
    acknowledged_at timestamp with time zone
);
create index transcript_acknowledgement_by_status on transcript_acknowledgement (status, sent_at);

-- Acknowledgement files already applied, by name and content: a file read again changes nothing.
create table transcript_acknowledgement_file (
    file_name  varchar(255)             not null,
    sha256     varchar(64)              not null,
    accepted_count integer              not null,
    rejected_count integer              not null,
    unknown_count  integer              not null,
    applied_at timestamp with time zone not null,
    primary key (file_name, sha256)
);
