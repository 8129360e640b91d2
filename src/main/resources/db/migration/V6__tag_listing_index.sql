-- A tag's public articles, newest first, straight from one index: each article_tags row carries
-- its article's publication time and whether the article is published and not deleted. A
-- scheduled article is "public" here before its instant, so readers still compare published_at
-- with now(). Triggers keep the copies equal to the article; nothing else writes them.
alter table article_tags
    add column published_at timestamptz,
    add column public boolean not null default false;

update article_tags at
   set published_at = a.published_at,
       public = (a.status = 'published' and a.deleted_at is null)
  from articles a
 where a.id = at.article_id;

create index article_tags_public_idx on article_tags (tag_id, published_at desc, article_id desc)
    where public;
-- Finds the scheduled ones (public, published_at in the future) without visiting the others.
create index article_tags_public_time_idx on article_tags (published_at) where public;

create function article_tags_copy_article() returns trigger language plpgsql as $$
begin
    select a.published_at, (a.status = 'published' and a.deleted_at is null)
      into new.published_at, new.public
      from articles a
     where a.id = new.article_id;
    return new;
end
$$;

create trigger article_tags_copy_article
    before insert or update of article_id on article_tags
    for each row execute function article_tags_copy_article();

create function articles_copy_to_tags() returns trigger language plpgsql as $$
begin
    update article_tags
       set published_at = new.published_at,
           public = (new.status = 'published' and new.deleted_at is null)
     where article_id = new.id;
    return null;
end
$$;

create trigger articles_copy_to_tags
    after update of status, published_at, deleted_at on articles
    for each row
    when (old.status is distinct from new.status
          or old.published_at is distinct from new.published_at
          or old.deleted_at is distinct from new.deleted_at)
    execute function articles_copy_to_tags();

-- Each tag's number of public rows (scheduled ones included; readers subtract those whose instant
-- is still ahead, a short index range). Kept by increments under the tag's row lock, so it stays
-- exact when writers race; the tags are locked in id order so that two writers cannot deadlock.
alter table tags add column public_count integer not null default 0 check (public_count >= 0);

update tags t
   set public_count = (select count(*) from article_tags at where at.tag_id = t.id and at.public);

create function tags_count_public() returns trigger language plpgsql as $$
declare
    change record;
begin
    if tg_op = 'INSERT' then
        for change in
            select tag_id, count(*) as delta from new_rows where public
             group by tag_id order by tag_id
        loop
            update tags set public_count = public_count + change.delta where id = change.tag_id;
        end loop;
    elsif tg_op = 'DELETE' then
        for change in
            select tag_id, -count(*) as delta from old_rows where public
             group by tag_id order by tag_id
        loop
            update tags set public_count = public_count + change.delta where id = change.tag_id;
        end loop;
    else
        for change in
            select tag_id, sum(delta) as delta
              from (select tag_id, 1 as delta from new_rows where public
                    union all
                    select tag_id, -1 as delta from old_rows where public) moved
             group by tag_id having sum(delta) <> 0 order by tag_id
        loop
            update tags set public_count = public_count + change.delta where id = change.tag_id;
        end loop;
    end if;
    return null;
end
$$;

create trigger article_tags_count_insert
    after insert on article_tags referencing new table as new_rows
    for each statement execute function tags_count_public();
create trigger article_tags_count_update
    after update on article_tags referencing old table as old_rows new table as new_rows
    for each statement execute function tags_count_public();
create trigger article_tags_count_delete
    after delete on article_tags referencing old table as old_rows
    for each statement execute function tags_count_public();
