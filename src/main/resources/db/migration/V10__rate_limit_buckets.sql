-- Token buckets shared by every instance (io.pressroom.limit, through Bucket4j's PostgreSQL
-- backend): one row per bucket that is not full, its state serialised by Bucket4j. expires_at is
-- when the bucket will be full again (epoch milliseconds); rows past it mean nothing (a missing
-- row is a full bucket) and are deleted in batches by every instance.
create table rate_limit_buckets (
    id         text primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_buckets_expires_at on rate_limit_buckets (expires_at);
