-- Reader feedback. Each row is one reader's act; the counters on articles (like_count,
-- rating_count, rating_sum) and accounts (follower_count) are moved by the same transaction that
-- inserts or deletes a row here, so they stay equal to these tables.

create table likes (
    article_id bigint      not null references articles (id) on delete cascade,
    account_id bigint      not null references accounts (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (article_id, account_id)
);
create index likes_account_idx on likes (account_id);

-- One rating per reader and article; a new score replaces the old one.
create table ratings (
    article_id bigint      not null references articles (id) on delete cascade,
    account_id bigint      not null references accounts (id) on delete cascade,
    score      smallint    not null check (score between 1 and 5),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (article_id, account_id)
);
create index ratings_account_idx on ratings (account_id);

-- Readers (any account) following authors. The primary key serves "whom do I follow" (the
-- personal feed); the index serves "who follows this author".
create table follows (
    follower_id bigint      not null references accounts (id) on delete cascade,
    author_id   bigint      not null references accounts (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (follower_id, author_id),
    constraint follows_not_self check (follower_id <> author_id)
);
create index follows_author_idx on follows (author_id);
