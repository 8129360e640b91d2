-- The rule of what a reader may see, once for the database. It mirrors io.pressroom.article
-- .PublicArticles (change both together; PublicArticlesAgreementTest checks they agree):
--   live:   published (now or for a later instant) and not deleted; counted by its tags (V6);
--   public: live and its publication instant has come.
-- article_is_live reads only its arguments, so it is immutable. article_is_public reads now(),
-- so it is only stable: never use it in an index predicate (nor would an index built on it stay
-- right as time passes). Queries in Java spell the condition out so that the planner matches
-- the partial indexes of V1 and V6.
create function article_is_live(status varchar, deleted_at timestamptz) returns boolean
    language sql immutable parallel safe
    as $$ select status = 'published' and deleted_at is null $$;

create function article_is_public(status varchar, published_at timestamptz, deleted_at timestamptz)
    returns boolean
    language sql stable parallel safe
    as $$ select article_is_live(status, deleted_at) and published_at <= now() $$;

-- The triggers of V6 keep article_tags.public equal to the live rule: they now call it.
create or replace function article_tags_copy_article() returns trigger language plpgsql as $$
begin
    select a.published_at, article_is_live(a.status, a.deleted_at)
      into new.published_at, new.public
      from articles a
     where a.id = new.article_id;
    return new;
end
$$;

create or replace function articles_copy_to_tags() returns trigger language plpgsql as $$
begin
    update article_tags
       set published_at = new.published_at,
           public = article_is_live(new.status, new.deleted_at)
     where article_id = new.id;
    return null;
end
$$;
