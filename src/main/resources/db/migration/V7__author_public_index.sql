-- An author's public articles, newest first, with the visibility test inside the index: counting
-- them for the profile (432 for the busiest author of the benchmark) becomes an index-only scan
-- instead of a heap visit per article, and the author filter of listings reads the same range.
create index articles_author_public_idx on articles (author_id, published_at desc, id desc)
    where status = 'published' and deleted_at is null;
