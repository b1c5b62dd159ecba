-- A target keeps the unit its document wrote it in ("500亿元" is 500 in 亿元), so that a target whose unit is not its
-- indicator's can be seen instead of being read in the indicator's unit. Targets stored before have none (null):
-- their unit was not kept, and the indicator's is shown for them as before.
alter table target add column unit varchar(50);
