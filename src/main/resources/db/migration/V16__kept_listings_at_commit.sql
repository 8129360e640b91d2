-- The kept listing JSON of V12 is written at commit, one transaction at a time, so that two
-- writers racing on what one summary shows cannot leave it stale; the same commit step keeps the
-- number of live articles (live_article_count, below) for the newest listing's total.
--
-- Why V12 could: under READ COMMITTED a refresh composes the JSON from the snapshot its statement
-- starts with. An article saved while its tag's rename was still open composed the old tag name,
-- waited for the rename's lock on the kept row, and wrote the old name over the new one after the
-- rename committed. A tag added to an article while the tag was being renamed was missed by both:
-- the rename did not see the new article_tags row, the addition did not see the new name.
--
-- Now the triggers only note what changed (article ids, tag ids, author ids) in
-- article_listing_changes. A deferred constraint trigger on that table runs at commit: it takes one
-- transaction-level advisory lock, then works out which articles those changes reach and rewrites
-- their JSON from a snapshot taken after the lock. The lock is released only once the commit is
-- visible, so each refresh sees every earlier refresh's transaction in full: whichever of two
-- racing writers commits last composes the JSON from both.
--
-- Why it cannot deadlock: while a transaction holds the lock it only reads, deletes its own rows of
-- article_listing_changes (rows nobody else sees or locks) and writes article_listings rows, which
-- nothing but a holder of the same lock writes (the foreign key to articles is dropped below, so
-- that deleting an article no longer deletes its kept row by cascade outside the lock). A holder
-- therefore never waits for anyone, and whoever waits for the lock holds nothing the holder needs.
--
-- The cost: commits that change what a listing shows are serialised for the few milliseconds of
-- their refresh. Likes, ratings and comments change only counters and take no part. Only READ
-- COMMITTED transactions (the application's) get a fresh snapshot after the lock.
--
-- Inside the writing transaction the kept row is not yet rewritten; readers compose a missing row
-- on the spot (ArticleQueries), and the response cache is invalidated after commit anyway.

drop trigger articles_refresh_listing on articles;
drop trigger article_tags_listing_insert on article_tags;
drop trigger article_tags_listing_delete on article_tags;
drop trigger article_tags_listing_update on article_tags;
drop trigger tags_refresh_listing on tags;
drop trigger accounts_refresh_listing on accounts;
drop function articles_refresh_listing();
drop function article_tags_refresh_listing();
drop function article_tags_refresh_listing_row();
drop function tags_refresh_listing();
drop function accounts_refresh_listing();

-- Kept rows of deleted articles are deleted at commit, under the lock, like every other write.
alter table article_listings drop constraint article_listings_article_id_fkey;

-- What a transaction changed, until its commit. Rows live only inside their transaction (the
-- commit trigger deletes them), so no other transaction ever sees one: unlogged, no WAL.
create unlogged table article_listing_changes (
    article_ids bigint[] not null default '{}',
    tag_ids     bigint[] not null default '{}',
    account_ids bigint[] not null default '{}',
    live_delta  integer  not null default 0
);

-- How many articles are live (published, now or for a later instant, and not deleted): the total
-- of the newest listing is this less the scheduled ones still ahead (a short range of
-- articles_public_published_idx), instead of a count(*) over every public article (23 ms at
-- 100,000). Moved only at commit, under the lock above, by the changes noted below: so the row is
-- only ever written by the lock's holder, and likes (which change no liveness) never touch it.
create table live_article_count (
    only_row boolean primary key default true check (only_row),
    live     bigint  not null check (live >= 0)
);
insert into live_article_count (live)
select count(*) from articles where article_is_live(status, deleted_at);

-- Notes a change; a statement that touched no row (an article saved with no tags to remove) notes
-- nothing, so that its commit takes no lock.
create function note_listing_change(article_ids bigint[], tag_ids bigint[], account_ids bigint[],
                                    live_delta integer default 0)
    returns void language sql volatile as $$
insert into article_listing_changes (article_ids, tag_ids, account_ids, live_delta)
select $1, $2, $3, $4
 where cardinality($1) > 0 or cardinality($2) > 0 or cardinality($3) > 0 or $4 <> 0
$$;

-- At commit: every noted change of this transaction at once; later events find nothing left.
create function article_listings_apply_changes() returns trigger language plpgsql as $$
declare
    ids bigint[];
    delta bigint;
begin
    if not exists (select 1 from article_listing_changes) then
        return null;
    end if;
    -- One lock for every kept row: (16, 1) is V16's own key in the two-number space.
    perform pg_advisory_xact_lock(16, 1);
    -- Each statement below takes its snapshot after the lock was granted.
    with taken as (
        delete from article_listing_changes
        returning article_ids, tag_ids, account_ids, live_delta
    )
    select array(
               select unnest(article_ids) from taken
               union
               select x.article_id from article_tags x
                where x.tag_id in (select unnest(tag_ids) from taken)
               union
               select a.id from articles a
                where a.author_id in (select unnest(account_ids) from taken)),
           (select coalesce(sum(live_delta), 0) from taken)
      into ids, delta;
    if delta <> 0 then
        update live_article_count set live = live + delta;
    end if;
    delete from article_listings l
     where l.article_id = any (ids)
       and not exists (select 1 from articles a where a.id = l.article_id);
    perform refresh_article_listings(ids);
    return null;
end
$$;

create constraint trigger article_listing_changes_at_commit
    after insert on article_listing_changes
    deferrable initially deferred
    for each row execute function article_listings_apply_changes();

-- The article itself: created or deleted (once per statement), or a shown column changed.
create function articles_note_listing_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform note_listing_change(array(select id from new_rows), '{}', '{}',
            (select count(*) from new_rows where article_is_live(status, deleted_at))::integer);
    elsif tg_op = 'DELETE' then
        perform note_listing_change(array(select id from old_rows), '{}', '{}',
            -(select count(*) from old_rows where article_is_live(status, deleted_at))::integer);
    else
        perform note_listing_change(array[new.id], '{}', '{}');
    end if;
    return null;
end
$$;

create trigger articles_listing_insert
    after insert on articles referencing new table as new_rows
    for each statement execute function articles_note_listing_change();
create trigger articles_listing_delete
    after delete on articles referencing old table as old_rows
    for each statement execute function articles_note_listing_change();
create trigger articles_listing_update
    after update of slug, title, summary, author_id, published_at, updated_at,
        reading_minutes, cover_image_url on articles
    for each row
    when (old.slug is distinct from new.slug or old.title is distinct from new.title
          or old.summary is distinct from new.summary or old.author_id is distinct from new.author_id
          or old.published_at is distinct from new.published_at
          or old.updated_at is distinct from new.updated_at
          or old.reading_minutes is distinct from new.reading_minutes
          or old.cover_image_url is distinct from new.cover_image_url)
    execute function articles_note_listing_change();

-- An article becoming live or ceasing to be: published, unpublished, deleted, restored.
create function articles_note_live_change() returns trigger language plpgsql as $$
begin
    perform note_listing_change('{}', '{}', '{}',
        case when article_is_live(new.status, new.deleted_at) then 1 else -1 end);
    return null;
end
$$;

create trigger articles_live_count
    after update of status, deleted_at on articles
    for each row
    when (article_is_live(old.status, old.deleted_at)
          is distinct from article_is_live(new.status, new.deleted_at))
    execute function articles_note_live_change();

-- An article's tags: added, removed (once per statement) or reordered.
create function article_tags_note_listing_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform note_listing_change(array(select distinct article_id from new_rows), '{}', '{}');
    elsif tg_op = 'DELETE' then
        perform note_listing_change(array(select distinct article_id from old_rows), '{}', '{}');
    else
        perform note_listing_change(array[old.article_id, new.article_id], '{}', '{}');
    end if;
    return null;
end
$$;

create trigger article_tags_listing_insert
    after insert on article_tags referencing new table as new_rows
    for each statement execute function article_tags_note_listing_change();
create trigger article_tags_listing_delete
    after delete on article_tags referencing old table as old_rows
    for each statement execute function article_tags_note_listing_change();
-- Only the columns the JSON shows: the publication copies of V6 change with the article itself.
create trigger article_tags_listing_update
    after update of article_id, tag_id, position on article_tags
    for each row
    when (old.article_id is distinct from new.article_id or old.tag_id is distinct from new.tag_id
          or old.position is distinct from new.position)
    execute function article_tags_note_listing_change();

-- A tag renamed (name or slug): its articles are found at commit, so that one tagged meanwhile
-- is among them.
create function tags_note_listing_change() returns trigger language plpgsql as $$
begin
    perform note_listing_change('{}', array[new.id], '{}');
    return null;
end
$$;

create trigger tags_listing_update
    after update of slug, name on tags
    for each row
    when (old.slug is distinct from new.slug or old.name is distinct from new.name)
    execute function tags_note_listing_change();

-- An author's handle, name or avatar: their articles are found at commit.
create function accounts_note_listing_change() returns trigger language plpgsql as $$
begin
    perform note_listing_change('{}', '{}', array[new.id]);
    return null;
end
$$;

create trigger accounts_listing_update
    after update of handle, name, avatar_url on accounts
    for each row
    when (old.handle is distinct from new.handle or old.name is distinct from new.name
          or old.avatar_url is distinct from new.avatar_url)
    execute function accounts_note_listing_change();
