-- The placeholders of deleted comments that still have listed replies, by article: a discussion's
-- total of listed comments is its article's kept count of comments that are not deleted (V18) plus
-- these few, where counting every listed comment of the article read all of them on each page (2.4
-- ms for 978 comments, growing with the discussion it slows most: the one being read).
create index comments_placeholders_idx on comments (article_id) where listed and deleted_at is not null;
