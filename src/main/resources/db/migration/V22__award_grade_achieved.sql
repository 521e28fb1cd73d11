-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- The learner's grade achieved (an EU micro-credential element, OB 3.0's result): the score of the attempt that
-- counted for the one assessment criterion the award was earned through, on the scale that criterion reads, and
-- which assessment and attempt rule it came from. Kept on the row so a revocation or expiry re-issues the credential with the same grade
-- and a registrar can see where it came from. Null for awards without a grade, and for awards made before this.
alter table award add column grade_achieved double precision;
alter table award add column grade_scale varchar(10);
alter table award add column grade_assessment varchar(2000);
alter table award add column grade_attempt varchar(10);
