-- Issue 16, the annual evaluation (年度评价): a bulletin of a year (period '2025', kind 'year') is the plan's annual
-- evaluation report, generated, previewed, edited in its narrative parts, issued and archived as every bulletin is.
alter table bulletin drop constraint bulletin_kind;
alter table bulletin add constraint bulletin_kind check (kind in ('month', 'quarter', 'year'));
