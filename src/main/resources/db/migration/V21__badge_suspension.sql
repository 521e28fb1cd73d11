-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- A registrar may suspend an award of a definition that allows it (catalog: suspendable: true) and reinstate it
-- later. The award says whether it is suspended now, and since when and why.
alter table award add column suspended_at timestamp with time zone;
alter table award add column suspension_reason varchar(2000);

-- The award's bit in its issuer's suspension list: the same list number and index as its revocation entry, on a
-- second list (purpose suspension) served at its own URL, so no second allocation is needed and the index is as
-- random as the revocation one. Unlike revocation the bit is cleared again; suspension_changes counts every set and
-- clear, so the sum over a list grows with each change and tells a served copy apart from a stale one.
alter table badge_status_entry add column suspended_at timestamp with time zone;
alter table badge_status_entry add column suspension_changed_at timestamp with time zone;
alter table badge_status_entry add column suspension_changes integer default 0 not null;
