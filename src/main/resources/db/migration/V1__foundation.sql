-- Accounts: readers, authors, editors and admins. Authors are accounts with a public profile.
create table accounts (
    id               bigint generated always as identity primary key,
    handle           varchar(30)  not null,
    email            varchar(254) not null,
    password_hash    varchar(100),
    name             varchar(100) not null,
    bio              varchar(2000),
    avatar_url       varchar(2000),
    website_url      varchar(2000),
    role             varchar(10)  not null default 'reader'
                     check (role in ('reader', 'author', 'editor', 'admin')),
    disabled         boolean      not null default false,
    token_version    integer      not null default 0,
    follower_count   integer      not null default 0 check (follower_count >= 0),
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint accounts_handle_format check (handle ~ '^[a-z0-9][a-z0-9_-]{2,29}$')
);
create unique index accounts_handle_key on accounts (handle);
create unique index accounts_email_key on accounts (lower(email));
create index accounts_role_handle_idx on accounts (role, handle);
create index accounts_followers_idx on accounts (follower_count desc, id desc);

create table tags (
    id          bigint generated always as identity primary key,
    slug        varchar(60)  not null,
    name        varchar(60)  not null,
    description varchar(500),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create unique index tags_slug_key on tags (slug);
create unique index tags_name_key on tags (lower(name));

create table articles (
    id                    bigint generated always as identity primary key,
    slug                  varchar(120)  not null,
    title                 varchar(200)  not null,
    summary               varchar(500)  not null,
    body                  text          not null,
    body_html             text          not null,
    reading_minutes       integer       not null default 1,
    author_id             bigint        not null references accounts (id),
    reference_url         varchar(2000),
    source_url            varchar(2000),
    source_publisher      varchar(200),
    republication_notice  varchar(1000),
    cover_image_url       varchar(2000),
    status                varchar(10)   not null default 'draft'
                          check (status in ('draft', 'published', 'archived')),
    published_at          timestamptz,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    deleted_at            timestamptz,
    version               bigint        not null default 0,
    like_count            integer       not null default 0 check (like_count >= 0),
    comment_count         integer       not null default 0 check (comment_count >= 0),
    rating_count          integer       not null default 0 check (rating_count >= 0),
    rating_sum            integer       not null default 0 check (rating_sum >= 0),
    rating_average        double precision generated always as
                          (case when rating_count = 0 then 0 else rating_sum::double precision / rating_count end) stored,
    search                tsvector generated always as (
                              setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                              setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
                              setweight(to_tsvector('english', coalesce(body, '')), 'C')) stored,
    constraint articles_published_has_time check (status <> 'published' or published_at is not null)
);
create unique index articles_slug_key on articles (slug);
-- Every public listing reads only live, published rows; the partial indexes below serve each sort.
create index articles_public_published_idx on articles (published_at desc, id desc)
    where status = 'published' and deleted_at is null;
create index articles_public_updated_idx on articles (updated_at desc, id desc)
    where status = 'published' and deleted_at is null;
create index articles_public_likes_idx on articles (like_count desc, id desc)
    where status = 'published' and deleted_at is null;
create index articles_public_rating_idx on articles (rating_average desc, id desc)
    where status = 'published' and deleted_at is null;
create index articles_public_comments_idx on articles (comment_count desc, id desc)
    where status = 'published' and deleted_at is null;
create index articles_author_published_idx on articles (author_id, published_at desc, id desc)
    where deleted_at is null;
create index articles_status_idx on articles (status, updated_at desc, id desc) where deleted_at is null;
create index articles_search_idx on articles using gin (search);

create table article_tags (
    article_id bigint not null references articles (id) on delete cascade,
    tag_id     bigint not null references tags (id) on delete cascade,
    position   smallint not null default 0,
    primary key (article_id, tag_id)
);
create index article_tags_tag_idx on article_tags (tag_id, article_id);

-- Values generated once per installation (signing keys, cursor keys) so that restarts and
-- several instances on one database agree.
create table instance_secrets (
    name       varchar(60) primary key,
    value      text        not null,
    created_at timestamptz not null default now()
);

-- One-off jobs such as loading the demo content record that they ran.
create table instance_markers (
    name       varchar(60) primary key,
    created_at timestamptz not null default now()
);
