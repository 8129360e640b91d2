-- The feedback counters of each article (likes, comments, ratings) in a narrow table of their own.
--
-- Why: like_count, comment_count and rating_average are keys of the indexes that serve the sorts
-- by likes, comments and rating. On articles, every like, unlike and comment therefore updated a
-- wide row (body, HTML, full-text vector) in a way PostgreSQL cannot do in place (not a HOT
-- update): a new copy of the row with a new entry in each of the table's dozen indexes, the GIN
-- index of its full text among them, and as much WAL. Here the same increment writes a row of a
-- few dozen bytes and four small B-tree entries, and articles rows are left alone by feedback.
--
-- live copies article_is_live(status, deleted_at) (V9) so that the sort indexes can be partial, as
-- the indexes on articles they replace were; triggers below keep it (and the row's existence) in
-- step with articles, whichever package writes.
create table article_counters (
    article_id      bigint  primary key references articles (id) on delete cascade,
    live            boolean not null,
    like_count      integer not null default 0 check (like_count >= 0),
    comment_count   integer not null default 0 check (comment_count >= 0),
    rating_count    integer not null default 0 check (rating_count >= 0),
    rating_sum      integer not null default 0 check (rating_sum >= 0),
    rating_average  double precision generated always as
                    (case when rating_count = 0 then 0 else rating_sum::double precision / rating_count end) stored
) with (fillfactor = 80);

insert into article_counters (article_id, live, like_count, comment_count, rating_count, rating_sum)
select id, article_is_live(status, deleted_at), like_count, comment_count, rating_count, rating_sum
  from articles;

-- The sorts of public listings, as articles_public_{likes,rating,comments}_idx served them.
create index article_counters_likes_idx on article_counters (like_count desc, article_id desc)
    where live;
create index article_counters_rating_idx on article_counters (rating_average desc, article_id desc)
    where live;
create index article_counters_comments_idx on article_counters (comment_count desc, article_id desc)
    where live;

-- Every new article gets its counters at zero (once per statement, so bulk inserts stay set-based).
create function articles_add_counters() returns trigger language plpgsql as $$
begin
    insert into article_counters (article_id, live)
    select id, article_is_live(status, deleted_at) from new_rows;
    return null;
end
$$;

create trigger articles_add_counters
    after insert on articles referencing new table as new_rows
    for each statement execute function articles_add_counters();

-- An article published, unpublished, deleted or restored enters or leaves the sort indexes.
create function articles_copy_live_to_counters() returns trigger language plpgsql as $$
begin
    update article_counters
       set live = article_is_live(new.status, new.deleted_at)
     where article_id = new.id;
    return null;
end
$$;

create trigger articles_copy_live_to_counters
    after update of status, deleted_at on articles
    for each row
    when (article_is_live(old.status, old.deleted_at)
          is distinct from article_is_live(new.status, new.deleted_at))
    execute function articles_copy_live_to_counters();

drop index articles_public_likes_idx;
drop index articles_public_rating_idx;
drop index articles_public_comments_idx;
alter table articles
    drop column rating_average,
    drop column like_count,
    drop column comment_count,
    drop column rating_count,
    drop column rating_sum;

analyze article_counters;
