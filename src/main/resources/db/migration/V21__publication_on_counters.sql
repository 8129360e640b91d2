-- The publication instant beside liveness on article_counters, so that whether an article is
-- public now can be read from its counters' row alone (live, and published_at come): a page of
-- search results (ArticleQueries.publicSummaries) then reads each article's counters and kept
-- summary, not its wide articles row (body, HTML, text vector), whose reading was half of that
-- statement's time. The triggers of V18 keep the copy in step with articles whichever package
-- writes, as they keep live: the rule itself stays io.pressroom.article.PublicArticles.
alter table article_counters add column published_at timestamptz;

update article_counters c
   set published_at = a.published_at
  from articles a
 where a.id = c.article_id
   and a.published_at is not null;

create or replace function articles_add_counters() returns trigger language plpgsql as $$
begin
    insert into article_counters (article_id, live, published_at)
    select id, article_is_live(status, deleted_at), published_at from new_rows;
    return null;
end
$$;

-- An article published, unpublished, deleted, restored or published for another instant.
create function articles_copy_to_counters() returns trigger language plpgsql as $$
begin
    update article_counters
       set live = article_is_live(new.status, new.deleted_at),
           published_at = new.published_at
     where article_id = new.id;
    return null;
end
$$;

drop trigger articles_copy_live_to_counters on articles;
drop function articles_copy_live_to_counters();

create trigger articles_copy_to_counters
    after update of status, deleted_at, published_at on articles
    for each row
    when (article_is_live(old.status, old.deleted_at)
          is distinct from article_is_live(new.status, new.deleted_at)
          or old.published_at is distinct from new.published_at)
    execute function articles_copy_to_counters();

analyze article_counters;
