-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- Every xAPI statement id CredBridge accepted, with a SHA-256 of what the statement said (xAPI's statement
-- comparison, without the properties an LRS sets): the same id sent again with the same content is a redelivery,
-- with other content a 409 Conflict, as an LRS answers. The statements themselves live on Kafka, not here.
create table xapi_statement (
    statement_id varchar(36)              not null primary key,
    fingerprint  varchar(64)              not null,
    accepted_at  timestamp with time zone not null
);
