-- Issue 14: indicators made from targets written inside a task's text were stored without a domain, a responsible
-- unit and often a measure unit. What they lack now comes from the task of their first such target, as PlanWriter
-- does for new plans: the task's first lead unit, the title of the task's top-level section (the action), the
-- target's own unit. Only missing facts are filled; nothing an office set is changed.

update indicator set unit_id = (
    select tu.unit_id from target tg join task_unit tu on tu.task_id = tg.task_id and tu.role = 'lead'
    where tg.indicator_id = indicator.id
    order by tg.id, tu.position fetch first 1 rows only)
where unit_id is null and exists (select 1 from target tg where tg.indicator_id = indicator.id and tg.task_id is not null);

-- sections nest at most four deep in the documents seen (行动 → 主题 → 条 → 款): the furthest of four ancestors is the root
update indicator set domain = (
    select coalesce(s3.title, s2.title, s1.title, s0.title)
    from target tg join task t on t.id = tg.task_id join section s0 on s0.id = t.section_id
    left join section s1 on s1.id = s0.parent_id
    left join section s2 on s2.id = s1.parent_id
    left join section s3 on s3.id = s2.parent_id
    where tg.indicator_id = indicator.id
    order by tg.id fetch first 1 rows only)
where domain is null and exists (select 1 from target tg where tg.indicator_id = indicator.id and tg.task_id is not null);

update indicator set unit = (
    select tg.unit from target tg
    where tg.indicator_id = indicator.id and tg.task_id is not null and tg.unit is not null
    order by tg.id fetch first 1 rows only)
where unit is null and exists (select 1 from target tg where tg.indicator_id = indicator.id and tg.task_id is not null and tg.unit is not null);
