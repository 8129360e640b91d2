-- Every instance remembers the account and session checks of signed-in requests
-- (account/KnownSessions). A change to what that check reads is announced on the invalidation
-- channel by the database itself, in the writing transaction (delivered on commit only), whoever
-- writes: the application on any instance, an operator's SQL, a cascade. The message is
-- "v1 database account <id>" (delivery/Invalidation); identical messages of one transaction are
-- sent once by PostgreSQL, so ending many sessions of one account sends one.
create function announce_account_change(account bigint) returns void language sql as $$
  select pg_notify('pressroom_invalidation', 'v1 database account ' || account);
$$;

create function accounts_announce_change() returns trigger language plpgsql as $$
begin
  perform announce_account_change(old.id);
  return null;
end;
$$;

-- What the check reads of the account: its role, whether it is disabled, its handle; or it is gone.
create trigger accounts_announce_change
    after update of role, disabled, handle on accounts
    for each row
    when (old.role is distinct from new.role
          or old.disabled is distinct from new.disabled
          or old.handle is distinct from new.handle)
    execute function accounts_announce_change();

create trigger accounts_announce_delete
    after delete on accounts
    for each row execute function accounts_announce_change();

create function refresh_tokens_announce_change() returns trigger language plpgsql as $$
begin
  perform announce_account_change(old.account_id);
  return null;
end;
$$;

-- A session ends when its tokens are revoked (logout, a reused refresh token, a password change,
-- disabling) or deleted; rotating a token (used_at) changes nothing the check reads.
create trigger refresh_tokens_announce_revocation
    after update of revoked_at on refresh_tokens
    for each row
    when (old.revoked_at is null and new.revoked_at is not null)
    execute function refresh_tokens_announce_change();

create trigger refresh_tokens_announce_delete
    after delete on refresh_tokens
    for each row
    when (old.revoked_at is null)
    execute function refresh_tokens_announce_change();
