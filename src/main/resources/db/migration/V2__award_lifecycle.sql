-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- How an award ended: REVOKED (by whom and why, or the award it was stacked on) or EXPIRED. A learner can hold a
-- credential again after an award ends (a new award id); the ended rows are the history.
alter table award add column expires_at timestamp with time zone;
alter table award add column ended_at timestamp with time zone;
alter table award add column end_reason varchar(2000);
alter table award add column ended_by varchar(255);
-- By expiry alone: an index that led with status would tempt the planner into scanning every active award when it
-- looks up a batch's learners.
create index award_expiring on award (expires_at);

-- A destination receives one award's changes in the order they happened (ISSUED before REVOKED): a later change
-- is appended WAITING while an earlier one is pending, and released when that one is delivered or given up.
create index outbox_event_by_aggregate on outbox_event (destination, aggregate_id, seq);

-- A voided event is withdrawn from the progress it made: found by its id.
create index requirement_progress_by_event on requirement_progress (event_id);
