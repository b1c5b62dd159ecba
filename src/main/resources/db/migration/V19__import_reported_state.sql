-- An import may end as the progress reports of an existing plan instead of a new plan (issue 13): state 'reported',
-- plan_id then the plan it reported on, reported_period the period its drafts went to. V3 declared the state's check without a name, and H2 and PostgreSQL name such
-- a constraint differently, so no one statement drops it on both: the column is replaced by one with a named check
-- (dropping a column drops the checks on it in both databases).
alter table import_job add column state_new varchar(12) default 'review' not null;
update import_job set state_new = state;
alter table import_job drop column state;
alter table import_job rename column state_new to state;
alter table import_job add constraint import_job_state
    check (state in ('review', 'published', 'discarded', 'reported'));
alter table import_job add column reported_period varchar(7);
