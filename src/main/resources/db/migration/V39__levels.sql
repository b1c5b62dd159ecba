-- Issue 16, across levels (分级晾晒): how the values of the regions below a region add up for each of its indicators,
-- and which values flowed up from a lower level's plan to the same indicator of the plan above, with their source.

-- The office's rule for one indicator name in its region (evaluation.levels): 'sum' for counts and money, 'weighted'
-- for a mean weighted by another indicator of each region below (常住人口 by default), 'none' where no total means
-- anything. No row: the rule is inferred from the name and unit (docs/levels.md).
create table roll_up_rule (
    region_code      varchar(12)  not null references region (code),
    indicator_name   varchar(300) not null,
    method           varchar(10)  not null check (method in ('sum', 'weighted', 'none')),
    weight_indicator varchar(300),
    version          integer      not null default 0,
    updated_by       varchar(100),
    updated_at       timestamp,
    primary key (region_code, indicator_name)
);

-- A value copied up (indicator module): the higher plan's indicator, the lower region and the period of the copy, and
-- the lower plan's indicator it came from. Only copies have a row here, so a value the higher level reported itself is
-- never overwritten by one, and a copy follows its source (changed, or withdrawn when the source is reopened).
create table observation_roll_up (
    indicator_id        bigint      not null references indicator (id) on delete cascade,
    region_code         varchar(12) not null references region (code),
    period              varchar(7)  not null,
    source_indicator_id bigint      not null references indicator (id) on delete cascade,
    copied_at           timestamp   not null,
    primary key (indicator_id, region_code, period)
);
create index observation_roll_up_source on observation_roll_up (source_indicator_id, region_code, period);
