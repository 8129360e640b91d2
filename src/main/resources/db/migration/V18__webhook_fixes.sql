-- Webhook fixes after review (issue 15).

-- When a delivery became 'failed': by its last attempt, or by its subscription being disabled
-- (then it may never have been tried). "Redeliver failed since" filters on it, so that every
-- delivery a disabling failed comes back with since = disabledAt.
alter table webhook_deliveries add column failed_at timestamptz;
update webhook_deliveries set failed_at = coalesce(last_attempt_at, created_at)
  where state = 'failed';
drop index webhook_deliveries_failed;
create index webhook_deliveries_failed on webhook_deliveries (subscription_id, failed_at)
  where state = 'failed';

-- Events are pruned by when they were fanned out (a go-live event is written long before its
-- instant), and events fanned out to nobody an hour after: both range over fanned_out_at.
-- created_at no longer orders any pruning.
create index webhook_events_fanned_out on webhook_events (fanned_out_at)
  where fanned_out_at is not null;
drop index webhook_events_created;

-- Until when a claim holds a pending delivery (its sender may be sending it): set by the claim,
-- cleared when the attempt is recorded. Re-enabling (which makes pending deliveries due now) and
-- a disabling by the server (which fails them) leave a delivery alone while its lease is live, so
-- that no second send of it starts while the first is in flight.
alter table webhook_deliveries add column leased_until timestamptz;
