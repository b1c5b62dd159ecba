-- Issue 15, "PostgreSQL at province scale": the observations, the one table that grows with every month of every
-- indicator of every region, are partitioned by year (declarative range partitioning). H2 keeps the plain table.
--
-- The key is the period's text ('2024', '2024Q1', '2024-03'): every period of a year starts with the year's four
-- digits, so it sorts at or after the year and before the next one in any collation, and [year, year + 1) holds
-- exactly that year's periods; a query naming a period or a year's periods reads one partition. A partitioned table's unique keys must hold the
-- partition key: the primary key becomes (id, period); the natural key (indicator, region, period) already holds it.
-- PostgreSQL 15 allows no identity column on a partitioned table, so ids come from a sequence of their own, going on
-- from the highest id given so far. No table references observation(id): nothing else changes.

alter table observation rename to observation_unpartitioned;
alter table observation_unpartitioned rename constraint observation_pkey to observation_unpartitioned_pkey;
alter table observation_unpartitioned rename constraint observation_indicator_id_region_code_period_key
    to observation_unpartitioned_natural_key;

create sequence observation_ids as bigint;
-- in a block, so that the migration prints no result row at start-up
do $$
begin
    perform setval('observation_ids', coalesce((select max(id) from observation_unpartitioned), 0) + 1, false);
end
$$;

create table observation (
    id            bigint        not null default nextval('observation_ids'),
    indicator_id  bigint        not null references indicator (id) on delete cascade,
    region_code   varchar(12)   not null references region (code),
    period        varchar(7)    not null,                  -- '2024', '2024Q1' or '2024-03'
    value         numeric(24, 6),
    state         varchar(10)   not null default 'draft' check (state in ('draft', 'submitted', 'approved', 'returned')),
    reported_by   varchar(100),
    reported_at   timestamp,
    comment       varchar(2000),
    evidence      varchar(2000),
    version       integer       not null default 0,
    submission_id bigint        references submission (id) on delete set null,
    explanation   varchar(2000),
    primary key (id, period),
    unique (indicator_id, region_code, period)
) partition by range (period);
alter sequence observation_ids owned by observation.id;

-- one partition a year for the years plans speak of, and a default one for any other (a 2040 target's value, a
-- typo the validation let through): nothing is ever refused for want of a partition. docs/scaling.md says how to
-- add years and move a year out of the default partition.
do $$
begin
    for y in 2010..2040 loop
        execute format('create table observation_y%s partition of observation for values from (%L) to (%L)',
                       y, y::text, (y + 1)::text);
    end loop;
end
$$;
create table observation_other partition of observation default;

insert into observation (id, indicator_id, region_code, period, value, state, reported_by, reported_at, comment, evidence,
                         version, submission_id, explanation)
select id, indicator_id, region_code, period, value, state, reported_by, reported_at, comment, evidence,
       version, submission_id, explanation
from observation_unpartitioned;

drop table observation_unpartitioned;

-- the dashboards read a region's values of a plan's indicators (EvaluationService, the regions page) and a
-- submission's values (reporting): the natural key serves the first, this index the second
create index observation_submission on observation (submission_id) where submission_id is not null;
