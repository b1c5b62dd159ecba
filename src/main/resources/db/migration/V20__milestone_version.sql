-- Published milestones stay editable by the office (issue 13): each counts its changes like the plan's other rows
-- (V15), so an edit made on an older version is refused (409) instead of overwriting another's.
alter table milestone add column version integer not null default 0;
