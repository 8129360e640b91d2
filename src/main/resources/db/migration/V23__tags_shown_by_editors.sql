-- Whether an editor created, described or renamed the tag (or demo content did): such a tag is
-- public even before it has a public article. A tag an author's draft created is not: until an
-- article with it is published, its name (often the news itself: a company, a product) would tell
-- anyone what an unpublished article is about.
alter table tags add column curated boolean not null default false;

-- Tags an editor described are theirs; the others are public as long as they have articles.
update tags set curated = true where description is not null;
