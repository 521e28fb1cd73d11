-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- The learner's SIS person id when the identity mapping knew it as the award was made: the SIS side writes the
-- transcript entry for that person.
alter table award add column sis_person_id varchar(255);
