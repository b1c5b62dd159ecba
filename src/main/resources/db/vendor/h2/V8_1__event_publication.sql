-- Spring Modulith 2.1.1's event publication registry (spring-modulith-events-jdbc, schemas/v2/schema-h2.sql), as
-- Modulith would create it (its own schema initialisation is off: Flyway owns the schema). One deviation: the
-- serialized event has no 4000-character cap, because a returned report's event carries a reason of up to 2000
-- characters and a feed's names every report whose values it replaced.
create table if not exists event_publication
(
  id                     uuid not null,
  completion_date        timestamp(9) with time zone,
  event_type             varchar(512) not null,
  listener_id            varchar(512) not null,
  publication_date       timestamp(9) with time zone not null,
  serialized_event       varchar not null,
  status                 varchar(20),
  completion_attempts    int,
  last_resubmission_date timestamp(9) with time zone,
  primary key (id)
);
create index if not exists event_publication_by_listener_id_and_serialized_event_idx on event_publication (listener_id, serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
