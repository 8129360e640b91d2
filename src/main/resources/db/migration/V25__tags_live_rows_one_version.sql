-- V24's tags_live_rows_changed wrote each tag's row twice per write (the count, then the earliest
-- publication), two row versions where one says it all: the tags table of the benchmark's
-- 1,000,000 articles held 254 pages for 500 rows. The row is now locked first, with nothing
-- written, and written once. The order of the reasoning stays V24's: this function is volatile,
-- so its second statement sees what other transactions committed before it began, and a writer
-- of the same tag holds the tag's row until it commits; whichever writer locks the row last reads
-- every live row there is (TagPublicSinceTest races two).
create or replace function tags_live_rows_changed(tag bigint, delta bigint) returns void
language plpgsql as $$
begin
    perform 1 from tags where id = tag for no key update;
    update tags
       set public_count = public_count + delta,
           public_since = (select min(at.published_at) from article_tags at
                            where at.tag_id = tag and at.public)
     where id = tag;
end
$$;
