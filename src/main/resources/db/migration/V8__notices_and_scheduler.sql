-- Notices become a message key with arguments, rendered in the reader's language when shown (notify.NoticeText),
-- and carry a dedup key so that an event delivered twice (a restart, a resubmission) leaves one notice.
-- The notices written before this version were finished Chinese sentences: they stay, as legacy_text, shown as is.
alter table notification rename column message to legacy_text;
alter table notification alter column legacy_text drop not null;
alter table notification add column message_key  varchar(100);
-- the arguments as a JSON array of strings, e.g. ["区卫生健康局", "2026Q1", "请补充佐证材料"]
alter table notification add column message_args varchar(4000);
alter table notification add column dedup_key    varchar(300);
alter table notification add constraint notification_dedup unique (dedup_key);

-- ShedLock: a scheduled job takes this row's lock, so that it runs once across instances (net.javacrumbs.shedlock)
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
