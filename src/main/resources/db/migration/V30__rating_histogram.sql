-- How many ratings of each score an article has, kept beside rating_count and rating_sum (V18) by
-- the same increments, so that the rating summary's histogram reads one row: it counted every
-- rating of the article on each request (2,010 ratings of one article at 1,000,000 articles: 2,100
-- requests a second, and slower the more an article is rated). Not indexed: updates stay in place.
alter table article_counters
    add column rating_1 integer not null default 0 check (rating_1 >= 0),
    add column rating_2 integer not null default 0 check (rating_2 >= 0),
    add column rating_3 integer not null default 0 check (rating_3 >= 0),
    add column rating_4 integer not null default 0 check (rating_4 >= 0),
    add column rating_5 integer not null default 0 check (rating_5 >= 0);

update article_counters c
   set rating_1 = h.s1, rating_2 = h.s2, rating_3 = h.s3, rating_4 = h.s4, rating_5 = h.s5
  from (select article_id,
               count(*) filter (where score = 1) as s1,
               count(*) filter (where score = 2) as s2,
               count(*) filter (where score = 3) as s3,
               count(*) filter (where score = 4) as s4,
               count(*) filter (where score = 5) as s5
          from ratings group by article_id) h
 where h.article_id = c.article_id;
