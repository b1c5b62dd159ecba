-- Issue 13: a draft the office corrects before publishing, published plans that stay editable, units merged.

-- The office's corrected draft of an import (a PlanDraft as JSON): the parse as the office corrected it. Null until
-- the first correction; the review then shows the parse as it is. draft_version counts the corrections, so that a
-- correction made on an older version is refused (409) instead of overwriting another's.
alter table import_job add column draft_json text;
alter table import_job add column draft_version integer not null default 0;

-- What is published stays editable by the office: each row counts its changes (an edit of an older version is
-- refused with 409); what changed, by whom, is the audit log's (the history shown on the edit pages).
alter table plan add column version integer not null default 0;
alter table task add column version integer not null default 0;
alter table indicator add column version integer not null default 0;
alter table target add column version integer not null default 0;

-- A unit merged into another is kept, pointing at the one that survives: what happened under its name (rankings,
-- reports already accepted) still refers to it, while it is no longer resolved, listed or offered.
alter table unit add column merged_into bigint references unit (id);
