-- The changes feed: one row per change of what readers may see of an article. Rows are read in
-- (txid, seq) order and only once every transaction that could still add an earlier row has
-- finished, so a poller that follows the cursor never misses or repeats a change.
create table article_changes (
    seq        bigint generated always as identity primary key,
    txid       xid8        not null default pg_current_xact_id(),
    article_id bigint      not null references articles (id) on delete cascade,
    op         varchar(6)  not null check (op in ('upsert', 'delete')),
    changed_at timestamptz not null default now()
);
create index article_changes_position_idx on article_changes (txid, seq);

-- Whether the feed last told readers the article is visible, and whether a scheduled
-- publication still has to be announced once its instant has passed.
alter table articles add column listed boolean not null default false;
alter table articles add column announce_pending boolean not null default false;
create index articles_announce_pending_idx on articles (published_at) where announce_pending;

-- Articles that are public already were announced by nobody: record them once.
update articles set listed = true
 where status = 'published' and deleted_at is null and published_at <= now();
update articles set announce_pending = true
 where status = 'published' and deleted_at is null and published_at > now();
insert into article_changes (article_id, op, changed_at)
select id, 'upsert', updated_at from articles where listed order by updated_at, id;
