-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- The outbox now holds only what is still to be delivered (pending, waiting) or was given up (failed): a relay
-- deletes what it delivered. Delivered rows had no reader, and marking them rewrote every row and its indexes.
delete from outbox_event where status = 'COMPLETED';
alter table outbox_event drop column completed_at;
