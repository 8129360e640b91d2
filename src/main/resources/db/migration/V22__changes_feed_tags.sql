-- The changes feed by tag: each change records the article's tags after it (tag_ids) and the tags
-- it took away (left_tag_ids, those of the article's previous change that it no longer has), so
-- that a poller of a tag learns of an article leaving the tag (a delete for that poller) as it
-- learns of one joining it, and of a deletion of an article that had left the tag before being
-- deleted. Before, the feed filtered changes by the article's tags at the time of the poll: an
-- article untagged, or untagged and then deleted, was never reported to the tag's pollers.
alter table article_changes
    add column tag_ids bigint[] not null default '{}',
    add column left_tag_ids bigint[] not null default '{}';

-- Earlier changes were filtered by the article's current tags: they keep that meaning.
update article_changes c
   set tag_ids = t.ids
  from (select article_id, array_agg(tag_id order by tag_id) as ids
          from article_tags group by article_id) t
 where t.article_id = c.article_id;

-- An article's previous change, read by every new one (and the cascade of a deleted article).
create index article_changes_article_idx on article_changes (article_id, seq);
