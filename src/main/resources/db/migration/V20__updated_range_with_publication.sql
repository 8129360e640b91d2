-- Public articles updated since an instant, with their publication instant inside the index: a
-- listing filtered by `updatedSince` counts its matches and orders them by publication from this
-- index alone (an index-only scan), instead of visiting every matching row, or walking the
-- publication order past every article that was not updated (ArticleQueries, "updated range").
create index articles_public_updated_published_idx on articles (updated_at desc, id desc)
    include (published_at) where status = 'published' and deleted_at is null;
drop index articles_public_updated_idx;
alter index articles_public_updated_published_idx rename to articles_public_updated_idx;
