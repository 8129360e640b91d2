-- A tag is shown when an editor made it (curated, V23) or when it has a public article now
-- (tag/TagVisibility). Asked as "exists a live row of the tag's index published by now", that was
-- one probe of the index per tag, and the list of tags asks it of every tag for its total: 500
-- tags took 10 ms at 1,000,000 articles, all of the list's cost when the response cache misses.
-- Each tag now keeps the earliest publication instant of its live articles (null when it has
-- none), so that the rule is a comparison with now(): a live article published for a later
-- instant shows its tag at that instant, as it shows the article, with nobody writing anything.
alter table tags add column public_since timestamptz;

update tags t
   set public_since = (select min(at.published_at) from article_tags at
                        where at.tag_id = t.id and at.public);

-- What changes for a tag when its live rows change: the count moves by the difference, and the
-- earliest publication is read again once the tag's row is locked (by the count's update). This
-- function is volatile, so its second statement sees what other transactions committed before it
-- began; a writer of the same tag holds the tag's row until it commits; so whichever writer locks
-- the row last reads every live row there is. (Read in the statement that takes the lock, it would
-- miss the rows of the writer it waited for, and could leave a tag hidden that has an article.)
create function tags_live_rows_changed(tag bigint, delta bigint) returns void
language plpgsql as $$
begin
    update tags set public_count = public_count + delta where id = tag;
    update tags
       set public_since = (select min(at.published_at) from article_tags at
                            where at.tag_id = tag and at.public)
     where id = tag;
end
$$;

-- As in V6, one pass over the tags in id order, the order every writer locks them in. An update
-- now visits every tag with a live row before or after it, even when the count does not move:
-- rescheduling a live article moves its tags' earliest publication.
create or replace function tags_count_public() returns trigger language plpgsql as $$
declare
    change record;
begin
    if tg_op = 'INSERT' then
        for change in
            select tag_id, count(*) as delta from new_rows where public
             group by tag_id order by tag_id
        loop
            perform tags_live_rows_changed(change.tag_id, change.delta);
        end loop;
    elsif tg_op = 'DELETE' then
        for change in
            select tag_id, -count(*) as delta from old_rows where public
             group by tag_id order by tag_id
        loop
            perform tags_live_rows_changed(change.tag_id, change.delta);
        end loop;
    else
        for change in
            select tag_id, sum(delta) as delta
              from (select tag_id, 1 as delta from new_rows where public
                    union all
                    select tag_id, -1 as delta from old_rows where public) moved
             group by tag_id order by tag_id
        loop
            perform tags_live_rows_changed(change.tag_id, change.delta);
        end loop;
    end if;
    return null;
end
$$;
