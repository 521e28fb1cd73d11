-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- Each award's entry in its issuer's W3C Bitstring Status List (purpose revocation): the list's number within the
-- issuer and a random index in it, allocated once so a redelivered award carries the same entry. revoked_at set is
-- the bit set; it is never cleared, as the revocation purpose is permanent.
create table badge_status_entry (
    award_id     varchar(36)              not null primary key,
    issuer_slug  varchar(128)             not null,
    list_number  integer                  not null,
    status_index integer                  not null,
    allocated_at timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    constraint badge_status_entry_index unique (issuer_slug, list_number, status_index)
);
