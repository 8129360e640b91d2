-- Comments on articles, threaded through parent_id. Deleting a comment erases its text
-- (deleted_at set, body and body_html null). A deleted comment that still has listed replies
-- stays listed as a placeholder so that threads keep their shape; once nothing below it is
-- listed, listed turns false and it leaves the list. articles.comment_count counts the comments
-- that are not deleted and is kept by SQL increments in the same transaction as each change.
create table comments (
    id          bigint generated always as identity primary key,
    article_id  bigint      not null references articles (id) on delete cascade,
    parent_id   bigint      references comments (id) on delete cascade,
    author_id   bigint      not null references accounts (id),
    body        text,
    body_html   text,
    created_at  timestamptz not null default now(),
    edited_at   timestamptz,
    deleted_at  timestamptz,
    listed      boolean     not null default true,
    constraint comments_text_unless_deleted check (
        (deleted_at is null and body is not null and body_html is not null)
        or (deleted_at is not null and body is null and body_html is null)),
    constraint comments_body_length check (char_length(body) between 1 and 10000),
    constraint comments_listed_unless_deleted check (listed or deleted_at is not null)
);
-- The list of an article's comments, oldest first, keyset-paged on (created_at, id).
create index comments_article_created_idx on comments (article_id, created_at, id);
create index comments_parent_idx on comments (parent_id) where parent_id is not null;
create index comments_author_idx on comments (author_id);

-- Takedown and abuse reports on articles, for editors. The contact and the client address are
-- shown to editors only.
create table reports (
    id              bigint generated always as identity primary key,
    article_id      bigint        not null references articles (id) on delete cascade,
    reason          varchar(2000) not null,
    contact         varchar(254),
    status          varchar(10)   not null default 'open'
                    check (status in ('open', 'resolved', 'dismissed')),
    client_address  varchar(64),
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    handled_by      bigint        references accounts (id) on delete set null
);
create index reports_status_created_idx on reports (status, created_at, id);
create index reports_created_idx on reports (created_at, id);
