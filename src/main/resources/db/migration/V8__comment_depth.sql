-- How deep a comment sits in its thread: 0 for a comment on the article, its parent's depth + 1
-- for a reply. It is written once, on insert, from the parent row (which is locked then and whose
-- depth never changes), so that the thread depth limit needs no walk up the thread.
alter table comments add column depth smallint not null default 0;

with recursive thread (id, depth) as (
    select id, 0 from comments where parent_id is null
    union all
    select c.id, t.depth + 1 from comments c join thread t on c.parent_id = t.id
)
update comments c set depth = thread.depth from thread where c.id = thread.id and thread.depth > 0;

alter table comments add constraint comments_depth_not_negative check (depth >= 0);
