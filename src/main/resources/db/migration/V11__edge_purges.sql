-- Purges for the edge cache (Varnish with xkey), written in the transaction of the write that makes
-- them necessary and deleted once every cache has acknowledged them: a purge is sent only after
-- its write commits, and is never lost to a restart or an unreachable cache (delivery/EdgePurges).
create table edge_purges (
  id bigint generated always as identity primary key,
  -- Surrogate keys, space-separated, as Varnish's xkey.purge takes them.
  keys text not null,
  created_at timestamptz not null default now(),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text
);

create index edge_purges_due on edge_purges (next_attempt_at, id);
