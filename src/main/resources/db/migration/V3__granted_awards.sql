-- Runs unchanged on PostgreSQL and on H2 (the embedded default, in PostgreSQL mode): keep to the SQL both speak.

-- Why a learner holds an award: EARNED from learning events by the catalog's criteria, granted MANUALly by the
-- registrar, or for PRIOR_LEARNING the institution assessed (military, workplace); for a grant, who and why.
alter table award add column basis varchar(32) default 'EARNED' not null;
alter table award add column granted_by varchar(255);
alter table award add column grant_reason varchar(2000);
