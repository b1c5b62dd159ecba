-- Issue 14, "Reporting where clerks live".
-- The calendar gives late reports a few grace days; with lock_after_grace the period then closes, and a report
-- still owed needs the office to reopen it (submission.reopened_until). Existing calendars keep accepting late
-- reports until the office turns the lock on, so nothing changes for them silently.
alter table report_calendar add column grace_days integer not null default 0;
alter table report_calendar add column lock_after_grace boolean not null default false;
alter table submission add column reopened_until date;
-- Asking the unit head for approval is a state the form shows (待审批), cleared by any edit, approval or return.
alter table submission add column approval_requested_at timestamp;
-- Publishing an import makes a plan the office's working plan; making it public (the portal /public) is its own step.
alter table plan add column public_since timestamp;
update plan set public_since = created_at where state = 'published';
