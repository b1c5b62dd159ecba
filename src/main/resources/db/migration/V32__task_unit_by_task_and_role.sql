-- The lead unit of each task of a plan (the units ranking, a unit's standing, the open milestones, the workbench) is
-- read as task_unit rows of the plan's tasks with role 'lead'. The primary key (task_id, unit_id) does not hold the
-- role, so PostgreSQL read the whole of task_unit (110,000 rows at province scale, 27 ms) and hashed it; with the
-- role in the key and unit_id beside it the lead is one index-only probe per task (1.8 ms). docs/scaling.md.
create index task_unit_task_role on task_unit (task_id, role, unit_id);
