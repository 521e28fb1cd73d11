-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- Each issuer's allocation cursor for status list entries, so that a new entry costs a constant number of
-- statements however full the list is (counting the list and collecting its free indexes per badge did not scale).
-- An instance reserves a block of positions at a time (next_position += block) in a short transaction of its own
-- and hands them out from memory: one commit per block rather than per badge, and concurrent instances hold this row
-- only for an instant. Position p is list first_list + p / length at index perm(p mod length), where perm is a
-- pseudo-random permutation keyed with permutation_key: a list's indexes are used once each, in an order that does
-- not tell who was awarded when. The key is a random secret the application generates from SecureRandom when it
-- first allocates for the issuer (SQL has no portable source of secure randomness). A position is never used twice;
-- one whose entry was rolled back (a failed delivery), or left in a block when its instance stopped, stays unused.
create table badge_status_cursor (
    issuer_slug     varchar(128) not null primary key,
    first_list      integer      not null,
    next_position   bigint       not null,
    permutation_key bytea
);

-- Entries allocated before this migration have uniformly random indexes in their issuer's highest list. Continuing
-- that list through the permutation would collide with them at random, as often as the list is full: each collision
-- a wasted position and a retry, all the way to the list's end. New positions therefore start on a fresh list after
-- the highest one, where no old entry can be; the older lists keep their entries and leave their free indexes unused.
insert into badge_status_cursor (issuer_slug, first_list, next_position)
select issuer_slug, max(list_number) + 1, 0 from badge_status_entry group by issuer_slug;
