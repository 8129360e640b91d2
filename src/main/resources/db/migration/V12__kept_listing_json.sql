-- Each article's summary as listings send it, kept ready as JSON text: a listing, a search answer
-- or a feed then reads these bytes instead of joining the author and aggregating the tags of every
-- row and building records for Jackson. The text is the summary up to and including '"stats":':
-- the feedback counters change on every like and are spliced in at read time from the counter
-- columns of articles, so that likes, ratings and comments stay one cheap UPDATE of articles.
--
-- A table of its own rather than a column of articles: articles rows are wide (the body, its
-- HTML, many indexes), so rewriting one for every rename would be slow, and the backfill below is
-- one narrow insert.
--
-- Triggers keep it right, whichever package writes: the article's own shown columns (edits,
-- publication, scheduling), its tags (article_tags), a tag's slug or name, and its author's
-- handle, name or avatar. Triggers rather than calls from Java because tags and accounts belong to
-- other packages and a tag rename touches thousands of articles: one set-based statement in the
-- same transaction, and no write path (nor a later one) can forget it. The JSON is written exactly
-- as Jackson writes ArticleSummary (same field order, instants in whole seconds with a Z, null for
-- absent values, the same escapes for the characters SafeText lets in); KeptListingTest compares
-- both after every kind of change.
create table article_listings (
    article_id bigint primary key references articles (id) on delete cascade,
    summary_json text not null
);

-- The kept text of these articles, composed from their current rows.
create function article_listing_rows(ids bigint[])
    returns table (article_id bigint, summary_json text)
    language sql stable
as $$
select a.id,
       '{"slug":' || to_json(a.slug)::text
    || ',"title":' || to_json(a.title)::text
    || ',"summary":' || to_json(a.summary)::text
    || ',"author":{"handle":' || to_json(u.handle)::text
    || ',"name":' || to_json(u.name)::text
    || ',"avatarUrl":' || coalesce(to_json(u.avatar_url)::text, 'null')
    || '},"tags":[' || coalesce(
           (select string_agg('{"slug":' || to_json(t.slug)::text
                              || ',"name":' || to_json(t.name)::text || '}', ',' order by x.position)
              from article_tags x join tags t on t.id = x.tag_id where x.article_id = a.id), '')
    || '],"publishedAt":' || coalesce(
           '"' || to_char(a.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || 'Z"',
           'null')
    || ',"updatedAt":"' || to_char(a.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
    || 'Z","readingMinutes":' || a.reading_minutes
    || ',"coverImageUrl":' || coalesce(to_json(a.cover_image_url)::text, 'null')
    || ',"stats":'
  from articles a
  join accounts u on u.id = a.author_id
 where a.id = any (ids)
$$;

create function refresh_article_listings(ids bigint[]) returns void language sql volatile as $$
insert into article_listings (article_id, summary_json)
select article_id, summary_json from article_listing_rows(ids)
on conflict (article_id) do update set summary_json = excluded.summary_json
 where article_listings.summary_json is distinct from excluded.summary_json
$$;

-- The article itself: created, or a shown column changed.
create function articles_refresh_listing() returns trigger language plpgsql as $$
begin
    perform refresh_article_listings(array[new.id]);
    return null;
end
$$;

create trigger articles_refresh_listing
    after insert or update of slug, title, summary, author_id, published_at, updated_at,
        reading_minutes, cover_image_url on articles
    for each row execute function articles_refresh_listing();

-- An article's tags: added, removed or reordered (statement-level: once per statement).
create function article_tags_refresh_listing() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_article_listings(array(select distinct article_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform refresh_article_listings(array(select distinct article_id from old_rows));
    else
        perform refresh_article_listings(
            array(select article_id from new_rows union select article_id from old_rows));
    end if;
    return null;
end
$$;

create trigger article_tags_listing_insert
    after insert on article_tags referencing new table as new_rows
    for each statement execute function article_tags_refresh_listing();
create trigger article_tags_listing_delete
    after delete on article_tags referencing old table as old_rows
    for each statement execute function article_tags_refresh_listing();
-- Only the columns the JSON shows: the publication copies of V6 change with the article itself.
create function article_tags_refresh_listing_row() returns trigger language plpgsql as $$
begin
    perform refresh_article_listings(array[old.article_id, new.article_id]);
    return null;
end
$$;
create trigger article_tags_listing_update
    after update of article_id, tag_id, position on article_tags
    for each row execute function article_tags_refresh_listing_row();

-- A tag renamed (name or slug): every article that carries it.
create function tags_refresh_listing() returns trigger language plpgsql as $$
begin
    perform refresh_article_listings(
        array(select article_id from article_tags where tag_id = new.id));
    return null;
end
$$;

create trigger tags_refresh_listing
    after update of slug, name on tags
    for each row
    when (old.slug is distinct from new.slug or old.name is distinct from new.name)
    execute function tags_refresh_listing();

-- An author's handle, name or avatar: every article by them.
create function accounts_refresh_listing() returns trigger language plpgsql as $$
begin
    perform refresh_article_listings(array(select id from articles where author_id = new.id));
    return null;
end
$$;

create trigger accounts_refresh_listing
    after update of handle, name, avatar_url on accounts
    for each row
    when (old.handle is distinct from new.handle or old.name is distinct from new.name
          or old.avatar_url is distinct from new.avatar_url)
    execute function accounts_refresh_listing();

-- Backfill: one statement over every article (the trigger functions use the same definition).
insert into article_listings (article_id, summary_json)
select article_id, summary_json from article_listing_rows(array(select id from articles));
