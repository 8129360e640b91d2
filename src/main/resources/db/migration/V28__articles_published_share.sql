-- The share of articles published within (after, before) and by now, by the planner's statistics
-- of articles.published_at (a histogram of up to a hundred buckets): only an estimate, which a
-- listing bounded by publication uses to choose whether to count the articles within the bounds or
-- those outside them (the count itself is exact). Null until the table has statistics; a null
-- bound is no bound. In PL/pgSQL so that each session plans its read of pg_stats once: planned with
-- every listing, the view cost some milliseconds.
create function articles_published_share(after timestamptz, before timestamptz)
    returns float8
    language plpgsql
    stable
as
$$
declare
    share float8;
begin
    select (count(*) filter (where b <= now()
                               and (after is null or b > after)
                               and (before is null or b < before)))::float8 / nullif(count(*), 0)
      into share
      from pg_stats s, unnest(cast(cast(s.histogram_bounds as text) as timestamptz[])) b
     where s.schemaname = current_schema()
       and s.tablename = 'articles'
       and s.attname = 'published_at';
    return share;
end
$$;
