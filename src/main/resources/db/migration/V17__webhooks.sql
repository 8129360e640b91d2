-- Webhooks (io.pressroom.webhook). A subscription names a target URL and the events it wants. An
-- event is written to webhook_events in the transaction of the change it describes, so it exists
-- if and only if that change committed. A dispatcher later fans each deliverable event out to the
-- subscriptions that want it (one webhook_deliveries row each) and sends it after commit, at least
-- once, from any instance: claims use FOR UPDATE SKIP LOCKED and a lease, so two instances never
-- send one delivery at the same time and a crashed sender's claim runs out. Every attempt is logged.

create table webhook_subscriptions (
  id bigint generated always as identity primary key,
  url text not null,
  -- Event types wanted, such as 'article.published'.
  events text[] not null,
  -- Scope of article and comment events: only articles with one of these tags / by one of these
  -- authors. Null means no restriction.
  tag_ids bigint[],
  author_ids bigint[],
  description text,
  enabled boolean not null default true,
  -- Why the server disabled it: 'gone' (the target answered 410) or 'failing' (deliveries kept
  -- failing). Null when enabled or disabled by an admin.
  disabled_reason text check (disabled_reason in ('gone', 'failing')),
  disabled_at timestamptz,
  -- 'whsec_' + base64 of the key bytes, as Standard Webhooks writes secrets.
  secret text not null,
  -- After a rotation, the old secret also signs until previous_secret_expires_at.
  previous_secret text,
  previous_secret_expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The outbox. The body sent is payload, byte for byte the same on every attempt.
create table webhook_events (
  id bigint generated always as identity primary key,
  -- The webhook-id header ('msg_...'): one per event, the same for every subscription and retry.
  message_id text not null unique,
  type text not null,
  occurred_at timestamptz not null,
  -- Not sent before this instant: a scheduled article's go-live event is written when it is
  -- scheduled and becomes deliverable at its instant, with no writer then.
  deliverable_at timestamptz not null default now(),
  -- What scopes apply (no foreign keys: an event outlives what it describes).
  article_id bigint,
  author_id bigint,
  tag_ids bigint[] not null default '{}',
  -- Set for webhook.test: the only subscription it goes to.
  subscription_id bigint,
  payload text not null,
  -- Set once the event has been fanned out to deliveries.
  fanned_out_at timestamptz,
  created_at timestamptz not null default now()
);
create index webhook_events_undelivered on webhook_events (deliverable_at, id)
  where fanned_out_at is null;
create index webhook_events_pending_article on webhook_events (article_id)
  where fanned_out_at is null;
-- Events are pruned by when they were fanned out (a go-live event is written long before its
-- instant), and events fanned out to nobody an hour after: both range over fanned_out_at.
create index webhook_events_fanned_out on webhook_events (fanned_out_at)
  where fanned_out_at is not null;

-- One event for one subscription.
create table webhook_deliveries (
  id bigint generated always as identity primary key,
  event_id bigint not null references webhook_events (id) on delete cascade,
  subscription_id bigint not null references webhook_subscriptions (id) on delete cascade,
  -- pending: to be sent at next_attempt_at; delivered: a 2xx came back; failed: given up.
  state text not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  last_status integer,
  delivered_at timestamptz,
  -- When it became 'failed': by its last attempt, or by its subscription being disabled (then it
  -- may never have been tried). "Redeliver failed since" filters on it, so that every delivery a
  -- disabling failed comes back with since = disabledAt.
  failed_at timestamptz,
  -- Until when a claim holds it (its sender may be sending it): set by the claim, cleared when the
  -- attempt is recorded. Re-enabling (which makes pending deliveries due now) and a disabling by
  -- the server (which fails them) leave a delivery alone while its lease is live, so that no
  -- second send of it starts while the first is in flight.
  leased_until timestamptz,
  created_at timestamptz not null default now(),
  unique (event_id, subscription_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, id)
  where state = 'pending';
create index webhook_deliveries_by_subscription on webhook_deliveries (subscription_id, id);
create index webhook_deliveries_failed on webhook_deliveries (subscription_id, failed_at)
  where state = 'failed';

-- Every attempt: when, what came back, how long it took.
create table webhook_attempts (
  id bigint generated always as identity primary key,
  delivery_id bigint not null references webhook_deliveries (id) on delete cascade,
  -- Copied from the delivery, so a subscription's or an event's log is one index range.
  subscription_id bigint not null,
  event_id bigint not null,
  attempted_at timestamptz not null,
  -- The HTTP status; null when no answer came (timeout, refused target, connection error).
  status integer,
  duration_ms integer not null,
  -- Why no answer came, or why the answer did not count.
  error text,
  -- The first bytes of the response body, as text.
  response_excerpt text
);
create index webhook_attempts_by_delivery on webhook_attempts (delivery_id, id);
create index webhook_attempts_by_subscription on webhook_attempts (subscription_id, id);
create index webhook_attempts_by_event on webhook_attempts (event_id, id);
create index webhook_attempts_attempted on webhook_attempts (attempted_at);
