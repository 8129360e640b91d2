-- The admin's list of aggregator keys pages through the active ones in id order.
create index api_keys_active_idx on api_keys (id) where revoked_at is null;
