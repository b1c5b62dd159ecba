-- Issue 14: a leader's workbench says what changed since the last visit. What the leader saw is kept per plan: the
-- statuses of its indicators then (one "indicatorId=STATUS" a line), compared with today's on the next visit.
create table workbench_visit (
    username varchar(100) not null,
    plan_id  bigint       not null,
    seen_at  timestamp    not null,
    statuses text         not null,
    primary key (username, plan_id)
);
