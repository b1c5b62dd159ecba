-- Standings (issue 15): each plan's indicator assessments as of its default month in its own region, kept current
-- by the events that change them (an accepted or reopened report updates its indicators in the same transaction;
-- an edited target, indicator, plan or calendar marks the plan for a recompute) so that a dashboard reads stored
-- rows instead of recomputing the plan from every value. Derived data: a full recompute rebuilds it exactly, and
-- nightly. Every writer first updates the plan's row here, which locks it: writes to one plan's standings are serial.
create table plan_standing (
    plan_id     bigint     primary key references plan (id) on delete cascade,
    as_of       varchar(7),                 -- the month the stored assessments are for; null: to be recomputed
    version     bigint     not null,        -- raised by every change, so a reader can tell its figures moved
    computed_at timestamp  not null
);

create table indicator_standing (
    plan_id              bigint        not null references plan_standing (plan_id) on delete cascade,
    indicator_id         bigint        not null references indicator (id) on delete cascade,
    status               varchar(20)   not null,
    reason               varchar(2000) not null,
    target_met           boolean       not null,
    report_overdue       boolean       not null,
    baseline_period      varchar(7),
    baseline_value       double precision,
    current_period       varchar(7),
    current_value        double precision,
    goal                 double precision,
    target_year          integer,
    progress             double precision,
    expected_progress    double precision not null,
    pace                 double precision,
    growth_model         varchar(20),
    rate_observed        double precision,
    rate_required        double precision,
    trend_ratio          double precision,
    trend_category       varchar(20),
    projected_value      double precision,
    anticipated_progress double precision,
    primary key (plan_id, indicator_id)
);
