-- Refresh tokens rotate: each use marks the token used and issues the next one of its family.
-- Presenting a used token again means it leaked, and revokes the whole family.
create table refresh_tokens (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references accounts (id) on delete cascade,
    family_id   uuid        not null,
    token_hash  varchar(64) not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create unique index refresh_tokens_hash_key on refresh_tokens (token_hash);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_account_idx on refresh_tokens (account_id) where revoked_at is null;

-- Aggregator keys: shown once, stored as a SHA-256 hash; the prefix lets people tell them apart.
create table api_keys (
    id           bigint generated always as identity primary key,
    name         varchar(100) not null,
    key_prefix   varchar(16)  not null,
    key_hash     varchar(64)  not null,
    created_by   bigint       references accounts (id) on delete set null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create unique index api_keys_hash_key on api_keys (key_hash);

create index accounts_created_idx on accounts (created_at desc, id desc);
