-- Who has a public author profile (author/PublicAuthors) was found by asking, for every account,
-- whether it has a public article: PostgreSQL hashed the author of every public article (100,000
-- at the benchmark's size) and scanned every account (22,000, most of them readers) to list or
-- count 2,000 authors: 30 to 50 ms a page of the directory on a cache miss, growing with the
-- articles. Each account now keeps how many of its articles are live (published, now or for a
-- later instant, and not deleted), so that readers who never published are left out by a column,
-- the directory reads an index of the accounts that may be authors, and an author's count of
-- public articles is that number less the scheduled ones still ahead (a short range of
-- articles_author_public_idx, usually empty) instead of a count of all of them.
--
-- The count moves in the writing transaction, on the author's row: an article's writes lock the
-- article, then its tags (V6, V24), then its author's account, and nothing locks an account and
-- then an article or a tag (follows, sign-ins and an admin's changes lock the account alone), so
-- no cycle of waits can form. Two writes of one author's articles take turns on the author's row
-- until the first commits.
alter table accounts add column live_articles integer not null default 0
    check (live_articles >= 0);

update accounts u
   set live_articles = c.live
  from (select author_id, count(*) as live from articles
         where article_is_live(status, deleted_at) group by author_id) c
 where c.author_id = u.id;

-- Moves each author's count by the live articles a statement added or removed, authors in id
-- order (two statements of several authors lock their rows in one order).
create function accounts_move_live_articles(deltas jsonb) returns void
language plpgsql as $$
declare
    moved record;
begin
    for moved in
        select key::bigint as author, value::integer as delta from jsonb_each_text(deltas)
         where value::integer <> 0 order by key::bigint
    loop
        update accounts set live_articles = live_articles + moved.delta where id = moved.author;
    end loop;
end
$$;

create function articles_count_live_inserted() returns trigger language plpgsql as $$
begin
    perform accounts_move_live_articles(
        (select coalesce(jsonb_object_agg(author_id, live), '{}') from
            (select author_id, count(*) as live from new_rows
              where article_is_live(status, deleted_at) group by author_id) l));
    return null;
end
$$;

create function articles_count_live_deleted() returns trigger language plpgsql as $$
begin
    perform accounts_move_live_articles(
        (select coalesce(jsonb_object_agg(author_id, -live), '{}') from
            (select author_id, count(*) as live from old_rows
              where article_is_live(status, deleted_at) group by author_id) l));
    return null;
end
$$;

-- A row whose liveness or author changed (the trigger's condition): out of the old author's count
-- if it was live, into the new one's if it is.
create function articles_count_live_updated() returns trigger language plpgsql as $$
begin
    if article_is_live(old.status, old.deleted_at) then
        update accounts set live_articles = live_articles - 1 where id = old.author_id;
    end if;
    if article_is_live(new.status, new.deleted_at) then
        update accounts set live_articles = live_articles + 1 where id = new.author_id;
    end if;
    return null;
end
$$;

create trigger articles_count_live_insert
    after insert on articles referencing new table as new_rows
    for each statement execute function articles_count_live_inserted();
create trigger articles_count_live_delete
    after delete on articles referencing old table as old_rows
    for each statement execute function articles_count_live_deleted();
create trigger articles_count_live_update
    after update of status, deleted_at, author_id on articles
    for each row
    when (article_is_live(old.status, old.deleted_at)
              is distinct from article_is_live(new.status, new.deleted_at)
          or (old.author_id is distinct from new.author_id
              and (article_is_live(old.status, old.deleted_at)
                   or article_is_live(new.status, new.deleted_at))))
    execute function articles_count_live_updated();

-- The accounts that may be public authors, by name: the directory's order, and its count.
create index accounts_maybe_author_idx on accounts (name, handle) include (id, role, live_articles)
    where not disabled and (role in ('author', 'editor') or live_articles > 0);
