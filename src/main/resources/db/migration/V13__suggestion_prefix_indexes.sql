-- Suggestions while typing look tags and authors up by the beginning of their slug, name or
-- handle, case-folded; these indexes answer such a prefix with a short range scan.
create index tags_slug_prefix_idx on tags (slug text_pattern_ops);
create index tags_name_prefix_idx on tags (lower(name) text_pattern_ops);
create index accounts_handle_prefix_idx on accounts (lower(handle) text_pattern_ops);
create index accounts_name_prefix_idx on accounts (lower(name) text_pattern_ops);
