-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- The SIS's own id of each transcript entry it took: the GUID of an Ethos record, the id a REST API answered, or
-- the import file and record number (files target). An entry written again (a resubmission) keeps the latest.
create table transcript_sis_record (
    entry_key     varchar(64)              not null primary key,
    award_id      varchar(36)              not null,
    target        varchar(16)              not null,
    sis_record_id varchar(512)             not null,
    written_at    timestamp with time zone not null
);
create index transcript_sis_record_by_award on transcript_sis_record (award_id);

-- Import files of the files target, recorded (and committed) before their upload and forgotten in the transaction
-- that records the delivery. A batch redelivered after a crash between the upload and that transaction is put
-- again under the same name with the same bytes, so the SIS never gets its entries in a second file.
create table transcript_file_upload (
    file_name  varchar(255)             not null primary key,
    content    bytea                    not null,
    planned_at timestamp with time zone not null
);
create table transcript_file_upload_entry (
    entry_key     varchar(64)  not null primary key,
    file_name     varchar(255) not null,
    record_number integer      not null
);
create index transcript_file_upload_entry_by_file on transcript_file_upload_entry (file_name);
