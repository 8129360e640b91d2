-- Pressroom benchmark data set, generated inside PostgreSQL with set-based SQL.
--
-- Run by bench/run in three phases, each a psql session against the schema Flyway created:
--   psql -v phase=prepare  -v articles=N -v authors=A -v readers=R -v tags=T
--        -v likes=L -v ratings=G -v comments=C -v follows=F -v seed=S -f bench/generate.sql
--   psql -v phase=articles -v lo=1 -v hi=N ... -f bench/generate.sql   (chunks may run in parallel)
--   psql -v phase=finish   ... -f bench/generate.sql
--
-- Scratch tables live in the schema "bench" and are dropped by the finish phase.
-- Accounts, tags and articles get explicit ids (base + n) so that the phases agree without
-- looking each other up; the identity sequences are moved past them at the end.
--
-- The feedback tables (likes, ratings, comments, follows) come from later migrations. Each is
-- filled only when a table with a known name exists and all of its NOT NULL columns without a
-- default can be mapped (see bench.plan); otherwise it is skipped with a notice and the matching
-- article/account counters stay 0, so the counters always equal the rows that exist.

\set ON_ERROR_STOP on
\set QUIET on
set client_min_messages = warning;
set work_mem = '256MB';
set maintenance_work_mem = '1GB';
set synchronous_commit = off;

select :'phase' = 'prepare' as is_prepare, :'phase' = 'articles' as is_articles,
       :'phase' = 'finish' as is_finish \gset

--------------------------------------------------------------------------------------------------
\if :is_prepare
--------------------------------------------------------------------------------------------------
select setseed(:seed) \g /dev/null
drop schema if exists bench cascade;
create schema bench;

-- The scale and the id bases, read back by the later phases.
create table bench.settings as
select :articles::bigint as articles, :authors::bigint as authors, :readers::bigint as readers,
       :tags::bigint as tags, now() as t0,
       (select coalesce(max(id), 0) from public.accounts) as account_base,
       (select coalesce(max(id), 0) from public.tags) as tag_base,
       (select coalesce(max(id), 0) from public.articles) as article_base;

-- Publication time of article n: spread over the last two years by the golden-ratio sequence,
-- so every phase (and every parallel chunk) computes the same instant without a lookup.
-- (Simple expressions, so that the planner inlines them.)
create function bench.published_at(n bigint, t0 timestamptz) returns timestamptz
language sql immutable as $$
  select t0 - interval '730 days' * ((n * 0.6180339887498949) % 1) - interval '1 minute'
$$;

-- An article index skewed towards popularity (density ~ 1/sqrt(x)), scattered over the ids.
-- A made-up product codename, number c of the data set's (0-based): three syllables and an x, so
-- no stemmer changes it and no other word shares it. Articles n = 7 (mod 10) end with one, each
-- codename on about ten articles at any scale (see the articles phase): the "rare term" of the
-- benchmark's search rows, since every word of the sentence pool is on several % of articles.
create function bench.codename(c bigint) returns text
language sql immutable as $$
  select (array['ka','zo','ri','tu','ve','mo','la','xi','pa','no','qu','be',
                'di','fo','gu','ha','je','ku','lu','mi','ne','po','sa','wo'])[1 + c % 24]
      || (array['ka','zo','ri','tu','ve','mo','la','xi','pa','no','qu','be',
                'di','fo','gu','ha','je','ku','lu','mi','ne','po','sa','wo'])[1 + (c / 24) % 24]
      || (array['ka','zo','ri','tu','ve','mo','la','xi','pa','no','qu','be',
                'di','fo','gu','ha','je','ku','lu','mi','ne','po','sa','wo'])[1 + (c / 576) % 24]
      || 'x'
$$;

create function bench.popular_article(r double precision, total bigint) returns bigint
language sql immutable as $$
  select 1 + (floor(total * power(r, 2))::bigint * 1000003) % total
$$;
select t0 from bench.settings \gset

-- The words of the generated text. Index k is drawn with probability ~ 1/k (Zipf-like), so a
-- few words are everywhere and most are rare: full-text queries have uneven work to do.
create table bench.words as
select row_number() over () as k, w
from unnest(string_to_array(
  'the of and to in a is that for it on with as was by this be are from at an or have has not '
  'but which new its their they more can will one about been would also than into other out '
  'after over some all when there up first two only time could most make system data software '
  'release support team project users developers version code open source kernel linux rust '
  'security update performance memory network server cloud browser model language compiler '
  'database storage hardware chip processor driver patch vulnerability open-source community '
  'maintainers feature api service platform application library framework tool build test '
  'engineers company market report research study privacy encryption protocol standard web '
  'mobile device battery display camera network operating file process thread scheduler '
  'container cluster deployment infrastructure latency throughput bandwidth benchmark cache '
  'queue index query transaction replication backup migration upgrade regression bug fix crash '
  'exploit attack breach malware ransomware phishing password authentication token identity '
  'license governance foundation funding startup acquisition revenue investors regulators law '
  'court ruling policy government election satellite rocket launch orbit telescope quantum '
  'qubit physics energy solar grid electric vehicle autonomous robot drone sensor camera lidar '
  'neural training inference dataset benchmark accuracy parameters gpu tpu accelerator silicon '
  'wafer fabrication foundry nanometer transistor packaging supply chain shortage tariffs export '
  'smartphone tablet laptop desktop console game engine graphics shader vulkan opengl wayland '
  'desktop terminal shell editor emacs vim compiler interpreter runtime garbage collector '
  'allocator borrow checker ownership lifetime async await futures coroutine generics traits '
  'macros modules packages dependencies registry crates wheels containers images kubernetes '
  'orchestration serverless functions edge cdn dns routing firewall tls certificates keys '
  'signatures hash checksum integrity reproducible builds toolchain cross-compilation embedded '
  'firmware bootloader microcontroller fpga risc-v arm x86 instruction vector simd pipeline '
  'branch predictor speculative sidechannel mitigation microcode hypervisor virtualization '
  'sandbox isolation namespace cgroup syscall filesystem ext4 btrfs zfs snapshot journal '
  'raid ssd nvme flash durability consistency consensus raft paxos leader election shard '
  'partition rebalancing compaction vacuum planner optimizer statistics histogram cardinality '
  'observability tracing metrics logging alerting dashboard incident outage postmortem rollback '
  'canary feature-flag experiment telemetry analytics advertising tracking cookies consent '
  'antitrust monopoly interoperability portability federation mastodon decentralized protocol '
  'blockchain ledger wallet payments fintech banking fraud compliance audit standards body '
  'specification draft proposal committee vote maintainer contributor volunteer burnout '
  'sustainability donations sponsorship grants academia university students curriculum '
  'accessibility localization internationalization unicode emoji typography fonts rendering '
  'layout animation responsive frontend backend fullstack javascript typescript python java '
  'kotlin swift golang haskell ocaml erlang elixir zig nim julia fortran cobol assembly wasm '
  'webassembly postgres sqlite mysql redis kafka spark hadoop flink clickhouse duckdb arrow '
  'parquet json yaml toml protobuf grpc graphql rest websocket http3 quic ipv6 bgp wifi '
  'bluetooth 5g spectrum antenna modem baseband carrier roaming subscribers outage resilience',
  ' ')) as w;

-- A pool of sentences built from those words; articles and comments are made of them.
create table bench.sentences as
with picks as (
  select s, i, (select count(*) from bench.words) as v, random() as r
  from generate_series(1, 6000) s
  cross join lateral generate_series(1, 7 + (s * 7) % 14) i
)
select p.s as id,
       upper(left(string_agg(w.w, ' ' order by p.i), 1))
         || substr(string_agg(w.w, ' ' order by p.i), 2) || '.' as txt
from picks p
join bench.words w on w.k = least(p.v, floor(exp(p.r * ln(p.v + 1)))::bigint)
group by p.s;
create unique index on bench.sentences (id);

create table bench.first_names as select row_number() over () as k, nm from unnest(array[
  'Ada','Alan','Grace','Linus','Margaret','Dennis','Barbara','Ken','Radia','Guido','Frances',
  'Bjarne','Hedy','Tim','Sophie','James','Katherine','Yukihiro','Anita','Niklaus','Lynn',
  'Edsger','Jean','John','Mary','Rob','Shafi','Whitfield','Adele','Leslie']) as nm;
create table bench.last_names as select row_number() over () as k, nm from unnest(array[
  'Lovelace','Turing','Hopper','Torvalds','Hamilton','Ritchie','Liskov','Thompson','Perlman',
  'van Rossum','Allen','Stroustrup','Lamarr','Berners-Lee','Wilson','Gosling','Johnson',
  'Matsumoto','Borg','Wirth','Conway','Dijkstra','Sammet','Backus','Keller','Pike',
  'Goldwasser','Diffie','Goldberg','Lamport']) as nm;

-- Tags: a few familiar ones, then numbered topics.
create table bench.tag_names as
select row_number() over () as k, nm from unnest(array[
  'Linux','Rust','Security','AI','Kernel development','Open source','Cloud','Databases',
  'Programming languages','Hardware','Privacy','Web','Mobile','Networking','Science','Space',
  'Energy','Policy','Business','Startups','Gaming','Graphics','Compilers','Embedded','RISC-V',
  'Quantum computing','Cryptography','Machine learning','Robotics','Semiconductors','Python',
  'JavaScript','Go','Java','PostgreSQL','Kubernetes','DevOps','Observability','Storage',
  'Browsers','Accessibility','Standards','Telecom','Payments','Regulation','Antitrust',
  'Education','Research','Retro computing','Command line']) as nm;

-- How to copy a scratch table into whichever real table exists: returns the INSERT statement,
-- or null (with a notice) when no candidate table exists or one of its required columns cannot
-- be filled. aliases maps a target column name to an expression over the scratch table.
create function bench.plan(kind text, candidates text[], aliases jsonb, required text[],
                           source text) returns text language plpgsql as $$
declare
  target text;
  col record;
  cols text[] := '{}';
  exprs text[] := '{}';
  mapped text[] := '{}';
begin
  select c into target from unnest(candidates) with ordinality as u(c, o)
  where exists (select 1 from information_schema.tables t
                where t.table_schema = 'public' and t.table_name = u.c)
  order by o limit 1;
  if target is null then
    raise warning 'bench: no % table (looked for %): none generated', kind, candidates;
    return null;
  end if;
  for col in
    select column_name, is_nullable, column_default, is_identity, is_generated
    from information_schema.columns
    where table_schema = 'public' and table_name = target order by ordinal_position
  loop
    if col.is_generated = 'ALWAYS' or col.is_identity = 'YES' then
      continue;
    end if;
    if aliases ? col.column_name then
      cols := cols || quote_ident(col.column_name);
      exprs := exprs || (aliases ->> col.column_name);
      mapped := mapped || (aliases ->> col.column_name);
    elsif col.is_nullable = 'NO' and col.column_default is null then
      raise warning 'bench: %.% is required and unknown to the generator: no % generated',
        target, col.column_name, kind;
      return null;
    end if;
  end loop;
  if not (mapped @> required) then
    raise warning 'bench: % lacks columns for % (mapped %): none generated', target, required, mapped;
    return null;
  end if;
  return format('insert into public.%I (%s) select %s from %s', target,
                array_to_string(cols, ', '), array_to_string(exprs, ', '), source);
end $$;

create table bench.plans as
select 'likes' as kind, bench.plan('likes', array['article_likes', 'likes', 'article_like'],
  '{"article_id":"article_id","account_id":"account_id","reader_id":"account_id",
    "user_id":"account_id","created_at":"created_at","liked_at":"created_at",
    "updated_at":"created_at"}', array['article_id', 'account_id'], 'bench.likes') as sql
union all
select 'ratings', bench.plan('ratings', array['article_ratings', 'ratings', 'article_rating'],
  '{"article_id":"article_id","account_id":"account_id","reader_id":"account_id",
    "user_id":"account_id","score":"score","value":"score","rating":"score","stars":"score",
    "created_at":"created_at","updated_at":"created_at","rated_at":"created_at"}',
  array['article_id', 'account_id', 'score'], 'bench.ratings')
union all
select 'comments', bench.plan('comments', array['comments', 'article_comments'],
  '{"article_id":"article_id","account_id":"account_id","author_id":"account_id",
    "reader_id":"account_id","user_id":"account_id","body":"body","body_html":"body_html",
    "html":"body_html","created_at":"created_at","updated_at":"created_at"}',
  array['article_id', 'account_id', 'body'], 'bench.comments order by created_at')
union all
select 'follows', bench.plan('follows', array['follows', 'author_follows', 'account_follows',
                                              'followers'],
  '{"follower_id":"follower_id","reader_id":"follower_id","account_id":"follower_id",
    "user_id":"follower_id","followee_id":"followee_id","author_id":"followee_id",
    "followed_id":"followee_id","following_id":"followee_id","target_id":"followee_id",
    "created_at":"created_at","updated_at":"created_at"}',
  array['follower_id', 'followee_id'], 'bench.follows');

-- Readers' feedback, drawn now (it needs only ids) so that the articles can carry their
-- counters when they are inserted. Reader r is account (authors + r); article n is base + n.
-- Nothing is drawn for a kind that has no table.
select coalesce(bool_or(kind = 'likes' and sql is not null), false) as gen_likes,
       coalesce(bool_or(kind = 'ratings' and sql is not null), false) as gen_ratings,
       coalesce(bool_or(kind = 'comments' and sql is not null), false) as gen_comments,
       coalesce(bool_or(kind = 'follows' and sql is not null), false) as gen_follows
from bench.plans \gset
create unlogged table bench.likes as
select distinct on (article_id, account_id) article_id, account_id,
       bench.published_at(article_id, :'t0') + (now() - bench.published_at(article_id, :'t0')) * random() as created_at
from (select bench.popular_article(random(), :articles) as article_id,
             :authors + 1 + floor(random() * :readers)::bigint as account_id
      from generate_series(1, case when :'gen_likes'::boolean then :likes else 0 end)) x;

create unlogged table bench.ratings as
select distinct on (article_id, account_id) article_id, account_id,
       (array[1, 2, 3, 3, 4, 4, 4, 5, 5, 5])[1 + floor(random() * 10)::int] as score,
       bench.published_at(article_id, :'t0') + (now() - bench.published_at(article_id, :'t0')) * random() as created_at
from (select bench.popular_article(random(), :articles) as article_id,
             :authors + 1 + floor(random() * :readers)::bigint as account_id
      from generate_series(1, case when :'gen_ratings'::boolean then :ratings else 0 end)) x;

create unlogged table bench.comments as
with c as (
  select g, bench.popular_article(random(), :articles) as article_id,
         :authors + 1 + floor(random() * :readers)::bigint as account_id,
         1 + floor(random() * 6000)::bigint as s1, 1 + floor(random() * 6000)::bigint as s2,
         random() < 0.5 as two
  from generate_series(1, case when :'gen_comments'::boolean then :comments else 0 end) g
)
select c.g, c.article_id, c.account_id,
       a.txt || case when c.two then ' ' || b.txt else '' end as body,
       '<p>' || a.txt || case when c.two then ' ' || b.txt else '' end || '</p>' as body_html,
       bench.published_at(c.article_id, :'t0') + (now() - bench.published_at(c.article_id, :'t0')) * random() as created_at
from c join bench.sentences a on a.id = c.s1 join bench.sentences b on b.id = c.s2;

-- Readers follow authors, popular authors more (the same skew as who writes most).
create unlogged table bench.follows as
select distinct on (follower_id, followee_id) follower_id, followee_id,
       now() - interval '700 days' * random() as created_at
from (select :authors + 1 + floor(random() * :readers)::bigint as follower_id,
             1 + floor(:authors * random() * random())::bigint as followee_id
      from generate_series(1, case when :'gen_follows'::boolean then :follows else 0 end)) x;

-- Per-article counters from the feedback that will really be inserted.
create unlogged table bench.counts as
select article_id, sum(likes)::int as likes, sum(comments)::int as comments,
       sum(rating_count)::int as rating_count, sum(rating_sum)::int as rating_sum,
       count(*) filter (where score = 1)::int as rating_1,
       count(*) filter (where score = 2)::int as rating_2,
       count(*) filter (where score = 3)::int as rating_3,
       count(*) filter (where score = 4)::int as rating_4,
       count(*) filter (where score = 5)::int as rating_5
from (
  select article_id, 1 as likes, 0 as comments, 0 as rating_count, 0 as rating_sum, 0 as score
  from bench.likes where (select sql from bench.plans where kind = 'likes') is not null
  union all
  select article_id, 0, 1, 0, 0, 0
  from bench.comments where (select sql from bench.plans where kind = 'comments') is not null
  union all
  select article_id, 0, 0, 1, score, score
  from bench.ratings where (select sql from bench.plans where kind = 'ratings') is not null
) f group by article_id;
create unique index on bench.counts (article_id);

-- Accounts: authors (ids base+1..base+A) then readers.
insert into public.accounts (id, handle, email, name, bio, avatar_url, website_url, role,
                             follower_count, created_at, updated_at)
overriding system value
select s.account_base + n,
       case when n <= :authors then 'author-' || n else 'reader-' || (n - :authors) end,
       case when n <= :authors then 'author-' || n else 'reader-' || (n - :authors) end
         || '@bench.pressroom.test',
       f.nm || ' ' || l.nm,
       case when n <= :authors then 'Writes about ' || t.nm || ' for Pressroom.' end,
       case when n % 3 = 0 then 'https://avatars.bench.pressroom.test/' || n || '.png' end,
       case when n <= :authors and n % 2 = 0 then 'https://blog' || n || '.bench.pressroom.test/' end,
       case when n <= :authors then 'author' else 'reader' end,
       coalesce(fc.c, 0),
       s.t0 - interval '800 days' + interval '1 minute' * n, s.t0 - interval '1 day'
from bench.settings s
cross join generate_series(1, :authors + :readers) n
join bench.first_names f on f.k = 1 + n % 30
join bench.last_names l on l.k = 1 + (n / 30) % 30
join bench.tag_names t on t.k = 1 + n % 50
left join (select followee_id, count(*)::int as c from bench.follows
           where (select sql from bench.plans where kind = 'follows') is not null
           group by followee_id) fc on fc.followee_id = n;

-- Tags 1..T: the familiar names first, then "Topic k".
insert into public.tags (id, slug, name, description)
overriding system value
select s.tag_base + k, slug, name, 'Articles about ' || name || '.'
from bench.settings s,
     lateral (select g.k, coalesce(t.nm, 'Topic ' || g.k) as name,
                     trim(both '-' from regexp_replace(lower(coalesce(t.nm, 'Topic ' || g.k)),
                                                       '[^a-z0-9]+', '-', 'g')) as slug
              from generate_series(1, :tags) g(k) left join bench.tag_names t on t.k = g.k) x;

\endif

--------------------------------------------------------------------------------------------------
\if :is_articles
--------------------------------------------------------------------------------------------------
-- Articles lo..hi with their tags. Several chunks may run at once in separate sessions.
select setseed((:seed * 7919 + :lo) % 1000000 / 1000000.0) \g /dev/null
select t0 from bench.settings \gset
begin;

-- Bodies: 4 to 7 paragraphs of 3 to 6 sentences from the pool (some 300 words).
create temp table chunk_text on commit drop as
with picks as (
  select n, p, i, 1 + floor(random() * 6000)::bigint as sid
  from generate_series(:lo::bigint, :hi::bigint) n
  cross join lateral generate_series(1, 4 + (n % 4)::int) p
  cross join lateral generate_series(1, 3 + ((n + p) % 4)::int) i
), paragraphs as (
  select n, p, string_agg(s.txt, ' ' order by i) as para
  from picks join bench.sentences s on s.id = picks.sid
  group by n, p
)
select n, string_agg(para, E'\n\n' order by p) as body,
       string_agg('<p>' || para || '</p>', E'\n' order by p) as body_html
from paragraphs group by n;

-- Titles: 5 to 9 words, leaving out the 20 commonest.
create temp table chunk_titles on commit drop as
with picks as (
  select n, i, (select count(*) from bench.words) as v, random() as r
  from generate_series(:lo::bigint, :hi::bigint) n
  cross join lateral generate_series(1, 5 + (n % 5)::int) i
)
select n, string_agg(w.w, ' ' order by i) as words
from picks join bench.words w on w.k = least(v, 20 + floor(exp(r * ln(v - 19)))::bigint)
group by n;

insert into public.articles (id, slug, title, summary, body, body_html, reading_minutes, author_id,
                             reference_url, source_url, source_publisher, republication_notice,
                             cover_image_url, status, published_at, created_at, updated_at)
overriding system value
select s.article_base + tx.n,
       left(trim(both '-' from regexp_replace(ti.words, '[^a-z0-9]+', '-', 'g')), 100) || '-' || tx.n,
       upper(left(ti.words, 1)) || substr(ti.words, 2),
       left(s1.txt || ' ' || s2.txt, 500),
       tx.body || coalesce(E'\n\nIts codename is ' || cn.name || '.', ''),
       tx.body_html || coalesce(E'\n<p>Its codename is ' || cn.name || '.</p>', ''),
       greatest(1, round(length(tx.body) / 1400.0))::int,
       s.account_base + 1 + floor(s.authors * random() * random())::bigint,
       'https://news.bench.pressroom.test/stories/' || tx.n,
       case when tx.n % 4 <> 0 then 'https://source.bench.pressroom.test/original/' || tx.n end,
       case when tx.n % 4 <> 0 then (array['The Register', 'LWN', 'Ars Technica', 'Heise',
                                           'The Verge'])[1 + tx.n % 5] end,
       'Distilled and republished by Pressroom from the original report; takedown requests'
         || ' to takedown@bench.pressroom.test.',
       case when tx.n % 10 < 7 then 'https://img.bench.pressroom.test/covers/' || tx.n || '.jpg' end,
       'published',
       bench.published_at(tx.n, :'t0'),
       bench.published_at(tx.n, :'t0') - interval '3 hours',
       bench.published_at(tx.n, :'t0')
         + case when tx.n % 5 = 0 then interval '6 hours' else interval '0' end
from bench.settings s
cross join chunk_text tx
join chunk_titles ti on ti.n = tx.n
join bench.sentences s1 on s1.id = 1 + (tx.n * 31) % 6000
join bench.sentences s2 on s2.id = 1 + (tx.n * 97 + 13) % 6000
left join lateral (select bench.codename((tx.n / 10) % greatest(5, s.articles / 100)) as name
                   where tx.n % 10 = 7) cn on true
order by tx.n;

-- The counters of the feedback that will really be inserted (V18's trigger made their rows, at 0).
update public.article_counters k
   set like_count = c.likes, comment_count = c.comments, rating_count = c.rating_count,
       rating_sum = c.rating_sum, rating_1 = c.rating_1, rating_2 = c.rating_2,
       rating_3 = c.rating_3, rating_4 = c.rating_4, rating_5 = c.rating_5
  from bench.settings s, bench.counts c
 where c.article_id between :lo and :hi and k.article_id = s.article_base + c.article_id;

-- Tags: 1 to 5 per article (3 on average); each draw picks tag k with probability ~ 1/k, so
-- the first tags are on a large share of the articles and most tags on few.
insert into public.article_tags (article_id, tag_id, position)
select s.article_base + x.n, s.tag_base + x.k, x.pos
from bench.settings s
cross join (
  select n, k, (row_number() over (partition by n order by first) - 1)::smallint as pos
  from (select n, k, min(j) as first
        from (select n, j, least(t.tags, floor(exp(random() * ln(t.tags + 1)))::bigint) as k
              from (select tags from bench.settings) t
              cross join generate_series(:lo::bigint, :hi::bigint) n
              cross join generate_series(1, 5) j) d
        group by n, k) e
) x
where x.pos < 1 + (x.n * 2654435761) % 5
order by x.n, x.pos;
commit;

\endif

--------------------------------------------------------------------------------------------------
\if :is_finish
--------------------------------------------------------------------------------------------------
-- Feedback rows, copied without firing triggers (counters are already set; a counter trigger
-- would count twice) and without foreign-key checks (the ids are consistent by construction).
set session_replication_role = replica;
select sql from bench.plans where sql is not null \gexec
reset session_replication_role;

select setval(pg_get_serial_sequence('public.accounts', 'id'), (select max(id) from public.accounts))
\g /dev/null
select setval(pg_get_serial_sequence('public.tags', 'id'), (select max(id) from public.tags))
\g /dev/null
select setval(pg_get_serial_sequence('public.articles', 'id'), (select max(id) from public.articles))
\g /dev/null
\o /dev/null
select format('select setval(%L, (select max(%I) from public.%I))',
              pg_get_serial_sequence('public.' || table_name, column_name), column_name, table_name)
from information_schema.columns
where table_schema = 'public' and is_identity = 'YES'
  and table_name not in ('accounts', 'tags', 'articles')
  and pg_get_serial_sequence('public.' || table_name, column_name) is not null \gexec
\o

-- What was made, for the log.
\pset footer off
select k.kind as "generated", case when p.kind is not null and p.sql is null
                     then 'skipped: no usable table' else k.n::text end as "rows"
from (select 1 as o, 'accounts' as kind, (select count(*) from public.accounts) as n
      union all select 2, 'tags', (select count(*) from public.tags)
      union all select 3, 'articles', (select count(*) from public.articles)
      union all select 4, 'article_tags', (select count(*) from public.article_tags)
      union all select 5, 'likes', (select count(*) from bench.likes)
      union all select 6, 'ratings', (select count(*) from bench.ratings)
      union all select 7, 'comments', (select count(*) from bench.comments)
      union all select 8, 'follows', (select count(*) from bench.follows)) k
left join bench.plans p on p.kind = k.kind
order by k.o;

-- Triggers on the feedback tables were bypassed; list them so that a reader of the log can
-- tell whether they maintained something besides the counters set above.
select format('do $$ begin raise warning %L; end $$',
              format('bench: trigger %s on %s was not fired for the generated rows',
                     t.tgname, t.tgrelid::regclass))
from pg_trigger t
join pg_class c on c.oid = t.tgrelid
join bench.plans p on p.sql like 'insert into public.' || c.relname || ' %'
where not t.tgisinternal \gexec

drop schema bench cascade;
-- Set hint bits and the visibility map now, so that the load does not do it (nor autovacuum).
vacuum (analyze);
checkpoint;
\endif
