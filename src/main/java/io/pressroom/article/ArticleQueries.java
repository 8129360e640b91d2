package io.pressroom.article;

import io.pressroom.account.Account;
import io.pressroom.author.AuthorRef;
import io.pressroom.db.Row;
import io.pressroom.db.SqlBuilder;
import io.pressroom.tag.TagService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All the SQL of articles, reads and writes. Reads are plain SQL shaped for the indexes, a fixed
 * number of statements per request whatever the page size (a listing is one: its count and checks
 * joined to its page of kept summaries). Every selected expression has an alias and is read by it
 * ({@link Row}).
 */
@ApplicationScoped
class ArticleQueries {

  /** The columns of a listed article, over {@code articles a join accounts u}. */
  private static final String SUMMARY_COLUMNS =
      "a.id as id, a.slug as slug, a.title as title, a.summary as summary,"
          + " a.published_at as published_at, a.updated_at as updated_at,"
          + " a.reading_minutes as reading_minutes, a.cover_image_url as cover_image_url,"
          + " ctr.like_count as like_count, ctr.comment_count as comment_count,"
          + " ctr.rating_average as rating_average, ctr.rating_count as rating_count,"
          + " u.handle as author_handle, u.name as author_name, u.avatar_url as author_avatar, "
          + TagService.REFS_COLUMN
          + " as tags";

  /**
   * The columns of a listed article from its kept JSON ({@link KeptSummaries}), for the article
   * whose id is {@code id} joined to {@link #keptJoin}: the author and tags are in the kept text.
   */
  private static String keptColumns(String id) {
    return id
        + " as id, "
        + KeptSummaries.column(id)
        + " as listing_json, ctr.like_count as like_count, ctr.comment_count as"
        + " comment_count, ctr.rating_average as rating_average, ctr.rating_count as rating_count";
  }

  /**
   * The kept JSON ({@code k}) and the feedback counters ({@code ctr}, V18) of article {@code id}.
   */
  private static String keptJoin(String id) {
    return KeptSummaries.join(id) + " join article_counters ctr on ctr.article_id = " + id;
  }

  private static final String KEPT_COLUMNS = keptColumns("a.id");
  private static final String KEPT_JOIN = keptJoin("a.id");

  /**
   * How many matches of a range ({@link #matchRange}) are ordered by a counter from their own rows
   * with one look-up of each one's counters by key; past that, an updated range walks the counter's
   * index until the page is met, and a tags' range joins the counters as PostgreSQL plans.
   */
  private static final int RANGE_SORTED = 10_000;

  /**
   * How many public articles of a counter's index a tags' page in that order passes at most,
   * checking each one's tags, before it orders the tags' whole range instead ({@link #TAG_WALK}).
   */
  private static final int WALKED_AT_MOST = 20_000;

  /** Each row of {@code a}'s counters, looked up by key ({@code offset 0} keeps it a look-up). */
  private static final String COUNTERS_OF_EACH =
      " cross join lateral (select * from article_counters c where c.article_id = a.id offset 0)"
          + " ctr";

  /** The counters of {@code a}'s rows, joined as PostgreSQL plans. */
  private static final String COUNTERS_JOINED =
      " join article_counters ctr on ctr.article_id = a.id";

  /** Live articles as the partial indexes of V1 name them (public or scheduled). */
  private static final String LIVE_ARTICLE = "a.status = 'published' and a.deleted_at is null";

  /** Live articles updated since the instant: the range of {@code articles_public_updated_idx}. */
  private static final String UPDATED_SINCE = LIVE_ARTICLE + " and a.updated_at >= :updatedSince";

  /** Public articles updated since the instant: the same range, less those scheduled ahead. */
  private static final String PUBLIC_UPDATED_SINCE =
      PublicArticles.condition("a") + " and a.updated_at >= :updatedSince";

  /**
   * Whether every public article was updated since the instant: then a pull of what changed is a
   * pull of everything, whose total is kept ({@link #EVERYTHING_TOTAL}) and whose page is met at
   * once walking the order's own index, where counting and ordering the updated range read every
   * public article (0.33 s a page at 1,000,000 articles). An aggregator's first pull asks so. One
   * look-up in the updated index, from the instant down.
   */
  private static final String ALL_UPDATED =
      "all_updated as materialized (select not exists (select 1 from articles a where "
          + PublicArticles.condition("a")
          + " and a.updated_at < :updatedSince) as yes)";

  /** Holds when {@link #ALL_UPDATED} does. */
  private static final String EVERY_ONE_UPDATED = "(select yes from all_updated)";

  /** The ids of the tags filtered by. */
  private static final String TAG_IDS = "select id from tags where slug in (:tags)";

  /** Whether a range's matches are few enough to look their counters up by key. */
  private static final String FEW_MATCHES = "f.total <= " + RANGE_SORTED;

  /**
   * Which way the public rows of the tags filtered by that were updated since an instant are read,
   * from the tags' kept counts (T, scheduled articles included) and the updated range's size (U).
   * Checking a row by key costs several times reading or hashing one: {@code updated} articles each
   * check their tags when they are at most an eighth of the tags' rows ({@code 8 U <= T}: U is
   * counted from its index only that far, at most T / 8 + 1 entries); else the {@code tag rows}
   * each check their article when there are at most 5,000 (47,597 rows took 0.25 to 0.3 s so, where
   * reading 50,000 updated ids takes 30 to 50 ms); else both ranges are read once and the updated
   * one {@code hashed}. At 100,000 articles the largest tag (29,305 rows) since an instant 101
   * updates ago took 5.3 ms hashed and 1.5 ms driven by the updated articles; since the median
   * update (50,000 articles), 36 ms hashed and 100 to 125 ms driven so.
   */
  private static final String TAGS_UPDATED_WAY =
      "choice as materialized (select case when 8 * u.n <= t.n then 'updated' when t.n <= 5000"
          + " then 'tag rows' else 'hashed' end as way from (select coalesce(sum(public_count), 0)"
          + " as n from tags where slug in (:tags)) t cross join lateral (select count(*) as n from"
          + " (select 1 from articles a where "
          + PUBLIC_UPDATED_SINCE
          + " limit t.n / 8 + 1) c) u)";

  /** A tag's public articles: its kept count less those whose scheduled instant is ahead. */
  private static final String TAG_TOTAL =
      "coalesce((select t.public_count - (select count(*) from article_tags s where s.tag_id ="
          + " t.id and s.public and s.published_at > now()) from tags t where t.slug ="
          + " :totalTag), 0)";

  /**
   * Every public article: the kept number of live ones (V16) less those whose scheduled instant is
   * ahead, instead of counting every public article.
   */
  private static final String EVERYTHING_TOTAL =
      "coalesce((select c.live - (select count(*) from articles s where "
          + PublicArticles.scheduledCondition("s")
          + ") from live_article_count c), 0)";

  private final EntityManager entityManager;

  ArticleQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The facts the listing must check before it runs: the total and which names exist. */
  record ListingFacts(long total, List<String> knownTags, boolean authorKnown) {}

  /** A listed article with the text of its sort key for the next cursor. */
  record Listed(long id, ListingJson.Item item, String sortKey) {}

  /** A listing's facts and the rows of its page, read together. */
  record Listing(ListingFacts facts, List<Listed> rows) {}

  /** An article as stored, before visibility is decided. */
  record StoredArticle(
      long id,
      ArticleSummary summary,
      String body,
      String html,
      String referenceUrl,
      boolean hasSource,
      String sourcePublisher,
      String republicationNotice,
      ArticleStatus status,
      boolean deleted,
      boolean isPublic,
      long authorId,
      long version) {}

  // Listings

  /**
   * A listing in one statement: its facts (one row, {@code f}) joined to the rows of its page
   * ({@code p}, none when the page is empty: then one row of facts with a null id). One round trip
   * instead of two is most of what a cache miss of a short page costs the application.
   */
  Listing listing(ArticleFilter filter, Optional<SortPosition> after, int limit, int offset) {
    List<Row> rows =
        listingStatement(filter, after, limit, offset).read(entityManager, "listing_json");
    Row first = rows.get(0);
    String known = first.text("known_tags");
    ListingFacts facts =
        new ListingFacts(
            first.getLong("total"),
            known == null ? List.of() : Arrays.asList(known.split(",")),
            first.bool("author_known"));
    List<Listed> listed =
        rows.stream()
            .filter(row -> !row.isNull("id"))
            .map(row -> new Listed(row.getLong("id"), item(row), row.text("sort_key")))
            .toList();
    return new Listing(facts, listed);
  }

  /** The statement of {@link #listing}, apart for tests of its plan. */
  static SqlBuilder listingStatement(
      ArticleFilter filter, Optional<SortPosition> after, int limit, int offset) {
    String direction = filter.sort().descending() ? " desc" : " asc";
    Optional<SqlBuilder> range = matchRange(filter);
    SqlBuilder sql = new SqlBuilder();
    range.ifPresent(
        matches -> sql.append("with m as materialized (").appendAll(matches).append(") "));
    if (range.isPresent() && walksCounterIndex(filter, offset)) {
      sql.appendAll(tagWalk(filter, after, limit));
    }
    if (range.isPresent() && onlyUpdatedSince(filter)) {
      sql.append(", " + ALL_UPDATED + " ");
    }
    sql.append("select f.total as total, f.known_tags as known_tags,")
        .append(" f.author_known as author_known, p.* from (select ")
        .appendAll(facts(filter, range.isPresent()))
        // offset 0 keeps the facts one row computed once: the page's branches test its total, and
        // each test would otherwise count the range again.
        .append(" offset 0) f left join lateral (")
        .appendAll(
            range.isPresent()
                ? rangePage(filter, after, limit, offset)
                : page(filter, after, limit, offset))
        .append(") p on true order by p.order_key" + direction + ", p.order_id" + direction);
    return sql;
  }

  /** The facts' columns: the total and which of the names filtered by exist. */
  private static SqlBuilder facts(ArticleFilter filter, boolean ranged) {
    SqlBuilder sql = new SqlBuilder();
    if (onlyByTag(filter)) {
      sql.append(TAG_TOTAL, "totalTag", filter.tagSlugs().get(0));
    } else if (ranged && onlyUpdatedSince(filter)) {
      // The range is counted only when some public article was not updated since.
      sql.append(
          "(case when "
              + EVERY_ONE_UPDATED
              + " then "
              + EVERYTHING_TOTAL
              + " else (select count(*) from m) end)");
    } else if (ranged) {
      sql.append("(select count(*) from m)");
    } else if (everything(filter)) {
      sql.append(EVERYTHING_TOTAL);
    } else if (onlyPublishedBetween(filter)) {
      // Bounds that every public article's publication is within (publishedAfter=2000-01-01) count
      // everything: one look-up at each end of the publication index says so.
      sql.append("(case when true")
          .appendAll(noneOutside(filter))
          .append(" then " + EVERYTHING_TOTAL + " else (select count(*)")
          .appendAll(from(filter))
          .appendAll(where(filter))
          .append(") end)");
    } else {
      sql.append("(select count(*)").appendAll(from(filter)).appendAll(where(filter)).append(")");
    }
    sql.append(" as total");
    sql.append(
        filter.tagSlugs().isEmpty()
            ? ", cast(null as text) as known_tags"
            : ", (select string_agg(slug, ',') from tags where slug in (:tags)) as known_tags");
    sql.append(
        filter.authorHandle().isPresent()
            ? ", exists (select 1 from accounts where handle = :author) as author_known"
            : ", true as author_known");
    if (!filter.tagSlugs().isEmpty()) {
      sql.bind("tags", filter.tagSlugs());
    }
    filter.authorHandle().ifPresent(handle -> sql.bind("author", handle));
    return sql;
  }

  /** The page's rows, with their sort key and id as {@code order_key} and {@code order_id}. */
  private static SqlBuilder page(
      ArticleFilter filter, Optional<SortPosition> after, int limit, int offset) {
    ArticleSort sort = filter.sort();
    boolean tagIndexOrder = viaTagIndex(filter) && sort.byPublication();
    String key = tagIndexOrder ? "at.published_at" : sort.keyExpression();
    // In an order by a counter, the id of the counters' row: the cursor's (key, id) is then a bound
    // of the counter's index, where with the article's id it was checked row by row from the top.
    String idColumn = tagIndexOrder ? "at.article_id" : orderId(sort);
    if (offset == 0) {
      return new SqlBuilder()
          .append("select " + keptColumns(idColumn))
          .append(", cast(" + key + " as text) as sort_key")
          .append(", " + key + " as order_key, " + idColumn + " as order_id")
          .appendAll(rows(filter, after, limit, 0, key, idColumn, true));
    }
    // A page after skipped rows (page=N): its ids first, from the order's index alone, then the
    // kept
    // summaries of those. Joined to each skipped row, the summaries and counters were read for
    // every one (3.2 s for page 400 of the largest tag at 1,000,000 articles, its ids 4 ms).
    return summariesOf(
        tagIndexOrder ? "a.published_at" : key,
        new SqlBuilder()
            .append("select " + idColumn)
            .appendAll(rows(filter, after, limit, offset, key, idColumn, false)));
  }

  /**
   * From, where, order and bounds of a page's rows, keyed by {@code key} and {@code idColumn}; with
   * each one's kept summary and counters joined, or ({@code kept} false) only the counters an order
   * by one needs.
   */
  private static SqlBuilder rows(
      ArticleFilter filter,
      Optional<SortPosition> after,
      int limit,
      int offset,
      String key,
      String idColumn,
      boolean kept) {
    ArticleSort sort = filter.sort();
    String direction = sort.descending() ? " desc" : " asc";
    boolean tagIndexOrder = viaTagIndex(filter) && sort.byPublication();
    SqlBuilder sql = new SqlBuilder();
    if (tagIndexOrder && onlyByTag(filter)) {
      // A tag's page alone reads no articles row: the tag index's copies of the publication time
      // and of liveness (V6, kept by triggers) decide what is public, as they do for its total.
      sql.append(" from article_tags at")
          .append(kept ? keptJoin(idColumn) : "")
          .append(" where true")
          .appendAll(tagRange(filter));
    } else {
      String joins =
          kept
              ? KEPT_JOIN
              : sort.byCounter() ? " join article_counters ctr on ctr.article_id = a.id" : "";
      sql.appendAll(from(filter)).append(joins).appendAll(where(filter));
    }
    if (sort.byCounter() && filter.status() == ArticleStatus.PUBLISHED) {
      // Implied by the public condition; spelt out so that the counters' partial index serves it.
      sql.append(" and ctr.live");
    }
    sql.appendAll(after(sort, key, idColumn, after));
    if (sort == ArticleSort.RELEVANCE) {
      sql.bind("q", filter.query().orElseThrow());
    }
    return sql.append(" order by " + key + direction + ", " + idColumn + direction)
        .append(pageBounds(limit, offset));
  }

  /**
   * The page of a listing read from its {@link #matchRange range of matches} ({@code m}): the
   * matches in the order asked, then the kept summaries of the page alone; in an order by a
   * counter, as {@link #RANGE_SORTED} says.
   */
  private static SqlBuilder rangePage(
      ArticleFilter filter, Optional<SortPosition> after, int limit, int offset) {
    ArticleSort sort = filter.sort();
    if (!sort.byCounter() && onlyUpdatedSince(filter)) {
      // Every public article updated since: walk the order's index (the instant holds for each).
      return new SqlBuilder()
          .append("select * from (")
          .appendAll(page(filter, after, limit, offset))
          .append(") e where " + EVERY_ONE_UPDATED + " union all select * from (")
          .appendAll(sorted(filter, after, limit, offset, "", "not " + EVERY_ONE_UPDATED))
          .append(") r where not " + EVERY_ONE_UPDATED);
    }
    if (!sort.byCounter()) {
      return sorted(filter, after, limit, offset, "", "true");
    }
    // Up to RANGE_SORTED matches look their counters up by key; PostgreSQL would plan the join by
    // its guess of the range's size, and a guess of a thousand read and hashed every article's
    // counters (38 ms for two small tags at 100,000 articles, 17 by key).
    SqlBuilder byKey = sorted(filter, after, limit, offset, COUNTERS_OF_EACH, FEW_MATCHES);
    // Past it: a walk past a tag filter is planned by PostgreSQL from the tags' rows whatever the
    // order (it does not walk a counter's index checking each article's tags), so a tags' range is
    // ordered here, with the counters joined as PostgreSQL plans; an updated range walks the
    // counter's index as any listing, where so many matches are met soon.
    SqlBuilder past =
        filter.tagSlugs().isEmpty()
            ? page(filter, after, limit, offset)
            : sorted(filter, after, limit, offset, COUNTERS_JOINED, "not " + FEW_MATCHES);
    if (walksCounterIndex(filter, offset)) {
      // Unless the walk of the counter's index met the page: then its ids are the page.
      String walkMet = "(select count(*) from walk) = " + limit;
      return new SqlBuilder()
          .append("select * from (")
          .appendAll(byKey)
          .append(") s where " + FEW_MATCHES + " union all select * from (")
          .appendAll(summariesOf(sort.keyExpression(), new SqlBuilder().append(TAG_WALK)))
          .append(") k where not " + FEW_MATCHES + " and " + walkMet + " union all select * from (")
          .appendAll(past)
          .append(") w where not " + FEW_MATCHES + " and not " + walkMet);
    }
    return new SqlBuilder()
        .append("select * from (")
        .appendAll(byKey)
        .append(") s where " + FEW_MATCHES + " union all select * from (")
        .appendAll(past)
        .append(") w where not " + FEW_MATCHES);
  }

  /**
   * Whether a tags' page in an order by a counter first walks that counter's index ({@link
   * #tagWalk}): a cursor's page (a numbered one needs every skipped row) of tags alone. Instants
   * narrow the tags' range, which may then be small though the tags are not (the walk would run
   * before the range's size is known, and longer): a tag's articles since June by likes at
   * 1,000,000 articles took 61 ms so against 38.
   */
  private static boolean walksCounterIndex(ArticleFilter filter, int offset) {
    return filter.sort().byCounter()
        && !filter.tagSlugs().isEmpty()
        && filter.updatedSince().isEmpty()
        && filter.publishedAfter().isEmpty()
        && filter.publishedBefore().isEmpty()
        && offset == 0;
  }

  /** The ids the walk of {@link #tagWalk} met, in its order. */
  private static final String TAG_WALK = "select id from walk";

  /**
   * The first {@code limit} public articles of the tags in the order of a counter, met by walking
   * that counter's index and checking each article's tags by key ({@code walk}), at most {@link
   * #WALKED_AT_MOST} of them. Past {@link #RANGE_SORTED} articles the tags' range was joined to the
   * counters and ordered whole (113 to 130 ms for a tag of 11,669 articles at 1,000,000); a tag
   * holding a share s of the articles meets its page after about {@code limit / s} of them. The
   * walk is bounded because nothing says the tags' articles are not the least liked: short of a
   * page it leaves the order to the range, as before. It does not start for tags whose kept counts
   * (scheduled articles included, so never fewer than the range) are within {@link #RANGE_SORTED}:
   * PostgreSQL asks whether it met the page before it looks at the range's size.
   */
  private static SqlBuilder tagWalk(ArticleFilter filter, Optional<SortPosition> after, int limit) {
    ArticleSort sort = filter.sort();
    String key = sort.keyExpression();
    String direction = sort.descending() ? " desc" : " asc";
    return new SqlBuilder()
        .append(
            ", walk as materialized (select w.id from (select ctr.article_id as id, "
                + key
                + " as k from article_counters ctr where "
                + PublicArticles.copiedCondition("ctr.live", "ctr.published_at"))
        .appendAll(after(sort, key, "ctr.article_id", after))
        .append(" order by " + key + direction + ", ctr.article_id" + direction)
        .append(
            " limit "
                + WALKED_AT_MOST
                + ") w where exists (select 1 from article_tags t where t.article_id = w.id and"
                + " t.tag_id = any(array("
                + TAG_IDS
                + "))) and (select coalesce(sum(public_count), 0) from tags where slug in (:tags)) > "
                + RANGE_SORTED
                // In the walk's order again: a join may hand its rows over in another (a hash of
                // the walk probed by the tags' rows), and the page would be any of the matches.
                + " order by w.k"
                + direction
                + ", w.id"
                + direction
                + pageBounds(limit, 0)
                + ") ",
            "tags",
            filter.tagSlugs());
  }

  /**
   * The page of the matches ({@code m}) in the order asked, then the kept summaries of the page
   * alone; {@code counters} joins each match's counters, for an order by one. The page's ids are
   * found first, as an array, when {@code when} holds: PostgreSQL computes such an array even where
   * the branch that holds it is left out.
   */
  private static SqlBuilder sorted(
      ArticleFilter filter,
      Optional<SortPosition> after,
      int limit,
      int offset,
      String counters,
      String when) {
    ArticleSort sort = filter.sort();
    String direction = sort.descending() ? " desc" : " asc";
    String key = sort.keyExpression();
    SqlBuilder matches =
        new SqlBuilder()
            .append("select a.id as id from m a")
            .append(counters)
            .append(" where " + when)
            .appendAll(after(sort, key, "a.id", after))
            .append(" order by " + key + direction + ", a.id" + direction)
            .append(pageBounds(limit, offset));
    return summariesOf(key, matches);
  }

  /**
   * The kept summaries and counters of the page whose ids {@code ids} selects, keyed by {@code key}
   * (an expression on {@code a} and {@code ctr}). The ids are looked up as an array, once: as "a.id
   * in (the page)" or a join with it, PostgreSQL sometimes merged them with the whole primary key
   * from its start (450,000 entries read for a page of 21 at 1,000,000 articles).
   */
  private static SqlBuilder summariesOf(String key, SqlBuilder ids) {
    return new SqlBuilder()
        .append("select " + KEPT_COLUMNS)
        .append(", cast(" + key + " as text) as sort_key")
        .append(", " + key + " as order_key, a.id as order_id from articles a")
        .append(KEPT_JOIN)
        .append(" where a.id = any(array(")
        .appendAll(ids)
        .append("))");
  }

  /** Rows past {@code after} in the order of {@code key} (ties by {@code idColumn}). */
  private static SqlBuilder after(
      ArticleSort sort, String key, String idColumn, Optional<SortPosition> after) {
    SqlBuilder sql = new SqlBuilder();
    after.ifPresent(
        position ->
            sql.append(
                    " and ("
                        + key
                        + ", "
                        + idColumn
                        + ") "
                        + (sort.descending() ? "<" : ">")
                        + " (cast(:afterKey as "
                        + sort.keyType()
                        + "), :afterId)")
                .bind("afterKey", position.key())
                .bind("afterId", position.id()));
    return sql;
  }

  // Search matches in an order the search engine does not keep (see MatchesInOrder)

  /** {@code sort}'s order of live articles, walked or looked up by id. */
  MatchesInOrder.Order order(ArticleSort sort) {
    return new MatchesInOrder.Order() {
      @Override
      public List<SortPosition> walk(Optional<SortPosition> after, int limit) {
        return inOrder(sort, after, limit);
      }

      @Override
      public List<SortPosition> lookUp(
          long[] ids, Optional<SortPosition> after, int limit, int offset) {
        return inOrderAmong(sort, ids, after, limit, offset);
      }
    };
  }

  /**
   * Live articles in {@code sort}'s order after {@code after}, at most {@code limit}: only each
   * one's id and sort key, read from the order's partial index alone (V1, V18). Scheduled articles
   * are among them (the matches they are checked against are public ones).
   */
  List<SortPosition> inOrder(ArticleSort sort, Optional<SortPosition> after, int limit) {
    return keys(sort, Optional.empty(), after, limit, 0);
  }

  /**
   * Of the articles {@code ids}, the live ones in {@code sort}'s order after {@code after}, {@code
   * offset} of them skipped and at most {@code limit}. The ids are one array parameter, and
   * PostgreSQL plans each execution for its array: a few ids are looked up by key and sorted, more
   * are met along the order's index (about a millisecond for 1,800 of 100,000). Planned once for
   * any array (a generic plan, which PostgreSQL took after five executions), every id was looked up
   * by key, 1,800 of them in 31 ms; a join to the unnested array was planned as a hash join over
   * the whole table (33 ms).
   */
  List<SortPosition> inOrderAmong(
      ArticleSort sort, long[] ids, Optional<SortPosition> after, int limit, int offset) {
    return keys(sort, Optional.of(ids), after, limit, offset);
  }

  private List<SortPosition> keys(
      ArticleSort sort,
      Optional<long[]> among,
      Optional<SortPosition> after,
      int limit,
      int offset) {
    String direction = sort.descending() ? " desc" : " asc";
    String id = orderId(sort);
    String key = sort.keyExpression();
    SqlBuilder sql =
        new SqlBuilder()
            .append("select " + id + " as id, cast(" + key + " as text) as sort_key")
            .append(
                sort.byCounter()
                    ? " from article_counters ctr where ctr.live"
                    : " from articles a where " + LIVE_ARTICLE);
    among.ifPresent(
        ids -> sql.append(" and " + id + " = any(cast(:ids as bigint[]))", "ids", arrayText(ids)));
    sql.appendAll(after(sort, key, id, after))
        .append(" order by " + key + direction + ", " + id + direction)
        .append(pageBounds(limit, offset));
    return (among.isPresent()
            ? sql.readPlannedForItsValues(entityManager)
            : sql.read(entityManager))
        .stream().map(row -> new SortPosition(row.text("sort_key"), row.getLong("id"))).toList();
  }

  private static String orderId(ArticleSort sort) {
    return sort.byCounter() ? "ctr.article_id" : "a.id";
  }

  /** PostgreSQL's text of a bigint[]: one parameter, however many ids (a list binds one each). */
  static String arrayText(long[] ids) {
    StringBuilder text = new StringBuilder(ids.length * 7 + 2).append('{');
    for (int i = 0; i < ids.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(ids[i]);
    }
    return text.append('}').toString();
  }

  /**
   * {@code limit} and {@code offset} written into the statement, not bound: a bound limit makes
   * PostgreSQL cost the cached generic plan as if a tenth of the range were read, so it plans the
   * listing afresh on every execution (about four fifths of the statement's time, measured), while
   * with the numbers in the text it keeps one plan per connection. Both are numbers PageRequest
   * bounded; page sizes are few, so are the statements.
   */
  static String pageBounds(int limit, int offset) {
    return " limit " + limit + (offset > 0 ? " offset " + offset : "");
  }

  /** Where a page ends in its sort order: the sort key's text and the article id. */
  record SortPosition(String key, long id) {}

  // One article

  /** The article with this slug whatever its state, with what deciding visibility needs. */
  Optional<StoredArticle> bySlug(String slug) {
    return Row.first(
            entityManager
                .createNativeQuery(
                    "select "
                        + SUMMARY_COLUMNS
                        + ", a.body as body, a.body_html as body_html,"
                        + " a.reference_url as reference_url,"
                        + " a.source_url is not null as has_source,"
                        + " a.source_publisher as source_publisher,"
                        + " a.republication_notice as republication_notice, a.status as status,"
                        + " a.published_at <= now() as due, a.deleted_at is not null as deleted, ("
                        + PublicArticles.condition("a")
                        + ") as visible,"
                        + " a.author_id as author_id, a.version as version"
                        + " from articles a join accounts u on u.id = a.author_id"
                        + ArticleGateway.COUNTERS_JOIN
                        + " where a.slug = :slug",
                    Tuple.class)
                .setParameter("slug", slug))
        .map(
            row ->
                new StoredArticle(
                    row.getLong("id"),
                    summary(row),
                    row.text("body"),
                    row.text("body_html"),
                    row.text("reference_url"),
                    row.bool("has_source"),
                    row.text("source_publisher"),
                    row.text("republication_notice"),
                    status(
                        ArticleStatus.of(row.text("status")),
                        !row.isNull("due") && row.bool("due")),
                    row.bool("deleted"),
                    row.bool("visible"),
                    row.getLong("author_id"),
                    row.getLong("version")));
  }

  /**
   * The kept summaries (JSON text, counters included) of those of these articles that are public
   * now, by id; one statement, over the counters' copy of the public rule (V21) and the kept
   * summaries: the articles' own rows (body, HTML, text vector), wide and each on a page of its
   * own, took half of its time.
   */
  Map<Long, byte[]> publicSummaries(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<Row> rows =
        new SqlBuilder()
            .append("select " + keptColumns("ctr.article_id") + " from article_counters ctr")
            .append(KeptSummaries.join("ctr.article_id"))
            .append(
                " where ctr.article_id in (:ids) and "
                    + PublicArticles.copiedCondition("ctr.live", "ctr.published_at"),
                "ids",
                ids)
            .read(entityManager, "listing_json");
    Map<Long, byte[]> summaries = new HashMap<>();
    for (Row row : rows) {
      summaries.put(row.getLong("id"), ListingJson.item(item(row)));
    }
    return summaries;
  }

  /**
   * The title, summary and body of these articles, by id (whether public or not: the listing that
   * names them decided who sees them); one statement.
   */
  Map<Long, ArticleSearch.Text> texts(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, ArticleSearch.Text> texts = new HashMap<>();
    new SqlBuilder()
        .append("select a.id as id, a.title as title, a.summary as summary, a.body as body")
        .append(" from articles a where a.id in (:ids)", "ids", ids)
        .read(entityManager)
        .forEach(
            row ->
                texts.put(
                    row.getLong("id"),
                    new ArticleSearch.Text(
                        row.text("title"), row.text("summary"), row.text("body"))));
    return texts;
  }

  /** The slug and title of those of these articles that are public now, by id; one statement. */
  Map<Long, ArticleTitle> publicTitles(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, ArticleTitle> titles = new HashMap<>();
    new SqlBuilder()
        .append("select a.id as id, a.slug as slug, a.title as title from articles a")
        .append(" where a.id in (:ids) and " + PublicArticles.condition("a"), "ids", ids)
        .read(entityManager)
        .forEach(
            row ->
                titles.put(
                    row.getLong("id"), new ArticleTitle(row.text("slug"), row.text("title"))));
    return titles;
  }

  /** What a signed-in reader did on an article and its author, in one statement. */
  ArticleDetail.Viewer viewer(long articleId, long authorId, long accountId) {
    Row row =
        Row.single(
            entityManager
                .createNativeQuery(
                    "select exists (select 1 from likes where article_id = :article and"
                        + " account_id = :me) as liked, (select score from ratings where"
                        + " article_id = :article and account_id = :me) as rating, exists"
                        + " (select 1 from follows where follower_id = :me and author_id ="
                        + " :author) as following_author",
                    Tuple.class)
                .setParameter("article", articleId)
                .setParameter("author", authorId)
                .setParameter("me", accountId));
    return new ArticleDetail.Viewer(
        row.bool("liked"), row.nullableInt("rating"), row.bool("following_author"));
  }

  /**
   * The article's reference as the gateway reads it ({@code id}, {@code slug}, {@code author_id},
   * {@code deleted}, {@code visible}) and the caller's {@code extra} columns, found by {@code
   * condition} over {@code articles a}; locked as {@code lock} says.
   */
  Optional<Row> reference(String condition, Object key, ArticleGateway.Extra extra) {
    SqlBuilder sql =
        new SqlBuilder()
            .append(
                "select a.id as id, a.slug as slug, a.author_id as author_id,"
                    + " a.deleted_at is not null as deleted, ("
                    + PublicArticles.condition("a")
                    + ") as visible")
            .append(extra.columns().isEmpty() ? "" : ", " + extra.columns())
            .append(" from articles a")
            .appendAll(extra.joins())
            .append(" where " + condition, "key", key);
    return sql.first(entityManager);
  }

  // Writes

  /**
   * The gateway's reference of the article with this slug, a write of another package over it and
   * the counters that write moves, in one statement (see {@link ArticleGateway.CountedWrite}).
   */
  Optional<Row> writeCounted(String slug, ArticleGateway.CountedWrite write) {
    SqlBuilder sql =
        new SqlBuilder()
            .append(
                "with target as (select a.id as id, a.slug as slug, a.author_id as author_id,"
                    + " a.deleted_at is not null as deleted, ("
                    + PublicArticles.condition("a")
                    + ") as visible from articles a where a.slug = :key), written as (",
                "key",
                slug)
            .appendAll(write.statement())
            // Moved by SQL increments, and only when the write changed a row: exact however many
            // readers act at once, as moveCounters is.
            .append(
                "), counted as (update article_counters c set like_count = c.like_count +"
                    + " :likes, comment_count = c.comment_count + :comments"
                    + " where c.article_id in (select w.article_id from written w))",
                "likes",
                write.likes())
            .bind("comments", write.comments())
            .append(
                " select t.id as id, t.slug as slug, t.author_id as author_id, t.deleted as"
                    + " deleted, t.visible as visible, w.article_id is not null as changed")
            .append(write.columns().isEmpty() ? "" : ", " + write.columns())
            .append(" from target t left join written w on w.article_id = t.id")
            .appendAll(write.joins());
    return sql.write(entityManager).stream().findFirst();
  }

  /** The article with this slug, locked for a change; deleted ones too. */
  Optional<Article> lockBySlug(String slug) {
    return Article.<Article>find("slug", slug)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }

  /** Stores a new article now, so that it has its id. */
  void insert(Article article) {
    article.persist();
    entityManager.flush();
  }

  /** The author of a new article, without reading the account. */
  Account authorReference(long accountId) {
    return entityManager.getReference(Account.class, accountId);
  }

  /** Makes concurrent writers of one slug base take turns until they commit. */
  void lockSlugBase(String base) {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(hashtext(:base))")
        .setParameter("base", "article-slug:" + base)
        .getSingleResult();
  }

  boolean slugTaken(String slug) {
    return Article.count("slug", slug) > 0;
  }

  /**
   * The changes-feed bookkeeping of an article written by another package, which could not tell
   * what readers may see of it: the row is locked, and {@link Article#settleFeed} decides as for
   * the article package's own writes.
   */
  ArticleChanged.FeedOp settleFeed(long articleId, Instant now) {
    Article article = entityManager.find(Article.class, articleId, LockModeType.PESSIMISTIC_WRITE);
    return article == null ? ArticleChanged.FeedOp.NONE : article.settleFeed(now);
  }

  // Pieces

  /**
   * Public articles of one tag are read from that tag's range of {@code article_tags_public_idx},
   * whose rows carry the article's publication time: no pass over every article of the tag.
   */
  /** Moves the article's feedback counters by SQL increments (0 leaves one as it is). */
  void moveCounters(long articleId, int likes, int comments, int ratings, int ratingSum) {
    entityManager
        .createNativeQuery(
            "update article_counters set like_count = like_count + :likes, comment_count ="
                + " comment_count + :comments, rating_count = rating_count + :ratings, rating_sum"
                + " = rating_sum + :ratingSum where article_id = :id")
        .setParameter("likes", likes)
        .setParameter("comments", comments)
        .setParameter("ratings", ratings)
        .setParameter("ratingSum", ratingSum)
        .setParameter("id", articleId)
        .executeUpdate();
  }

  /** Whether a scheduled article has become public with its change not yet recorded. */
  boolean anyScheduledDue() {
    return new SqlBuilder()
        .append("select exists (select 1 from articles a where a.announce_pending and ")
        .append(PublicArticles.condition("a"))
        .append(") as due")
        .single(entityManager)
        .bool("due");
  }

  /** Marks the scheduled articles that became public as listed; their ids. */
  List<Long> listScheduledDue() {
    return new SqlBuilder()
            .append("update articles a set announce_pending = false, listed = true")
            .append(" where a.announce_pending and ")
            .append(PublicArticles.condition("a"))
            .append(" returning a.id as id")
            .rows(entityManager)
            .stream()
            .map(row -> row.getLong("id"))
            .toList();
  }

  /** The instants at which scheduled articles become public, with all their precision. */
  List<Instant> scheduledPublications() {
    return new SqlBuilder()
            .append("select a.published_at as published_at from articles a where ")
            .append(PublicArticles.scheduledCondition("a"))
            .rows(entityManager)
            .stream()
            .map(row -> row.exactInstant("published_at"))
            .toList();
  }

  private static boolean viaTagIndex(ArticleFilter filter) {
    return filter.tagSlugs().size() == 1 && filter.status() == ArticleStatus.PUBLISHED;
  }

  /** A listing of one tag and nothing else, whose total the tag keeps itself. */
  private static boolean onlyByTag(ArticleFilter filter) {
    return viaTagIndex(filter)
        && filter.authorHandle().isEmpty()
        && filter.query().isEmpty()
        && filter.publishedAfter().isEmpty()
        && filter.publishedBefore().isEmpty()
        && filter.updatedSince().isEmpty()
        && filter.onlyAuthorId().isEmpty()
        && filter.followedBy().isEmpty();
  }

  /**
   * The matches of a listing ({@code id}, {@code published_at}) when they are read from one index's
   * range, counted and ordered there, rather than met by walking the order's index: empty for every
   * other listing. The walk checks each article it passes, so it costs as many articles as come
   * before the page's last match in that order, and when the matches are few or sit together at one
   * end of it, that is nearly every public article. The range costs what counting the matches for
   * the total already costs.
   *
   * <ul>
   *   <li>Public articles updated since an instant, in an order other than by last update: the
   *       range of the updated index ({@code articles_public_updated_idx}, which carries each one's
   *       publication instant, V20). Updates follow publication, so the matches sit together at one
   *       end of the publication orders: the first page oldest first, or the last page newest
   *       first, walked nearly every public article (0.6 s at 100,000).
   *   <li>Public articles of several tags, or of one tag in an order by a counter or updated since
   *       an instant (its total counted them one by one, and its walk checked each), in any order
   *       but the last update's, or in that order too when updated since an instant: the tags'
   *       ranges of {@code article_tags_public_idx}, whose rows carry the publication instant and
   *       liveness (V6); with {@code updatedSince} too, a few updated articles check their tags by
   *       key, or a few tag rows their articles, or both ranges are read once and the updated one
   *       hashed ({@link #TAGS_UPDATED_WAY}). Counting several tags' articles by visiting each took
   *       0.95 s for the two largest tags at 100,000 articles (1.2 s oldest first with {@code
   *       updatedSince}); a small tag's page by likes walked the likes of every article.
   * </ul>
   */
  private static Optional<SqlBuilder> matchRange(ArticleFilter filter) {
    boolean plain =
        filter.status() == ArticleStatus.PUBLISHED
            && filter.authorHandle().isEmpty()
            && filter.query().isEmpty()
            && filter.onlyAuthorId().isEmpty()
            && filter.followedBy().isEmpty();
    ArticleSort sort = filter.sort();
    // Tags updated since an instant carry each match's last update too, for that order.
    boolean keyedInRange =
        sort.byPublication()
            || sort.byCounter()
            || (sort == ArticleSort.RECENTLY_UPDATED
                && filter.updatedSince().isPresent()
                && !filter.tagSlugs().isEmpty());
    if (!plain || !keyedInRange) {
      return Optional.empty();
    }
    if (filter.updatedSince().isPresent() && filter.tagSlugs().isEmpty()) {
      return Optional.of(
          new SqlBuilder()
              .append("select a.id as id, a.published_at as published_at")
              .appendAll(from(filter))
              .appendAll(where(filter)));
    }
    int tags = filter.tagSlugs().size();
    if (tags > 1 || (tags == 1 && (sort.byCounter() || filter.updatedSince().isPresent()))) {
      String columns =
          (tags > 1 ? "select distinct" : "select")
              + " at.article_id as id, at.published_at as published_at";
      SqlBuilder ofTheTags = tagRows(filter);
      if (filter.updatedSince().isEmpty()) {
        return Optional.of(
            new SqlBuilder().append(columns + " from article_tags at").appendAll(ofTheTags));
      }
      // Updated since: PostgreSQL cannot know how many rows tags named by slug have and guesses a
      // few hundred, so it checked each of the 47,597 rows of two large tags against its article
      // by key (0.3 to 0.9 s at 100,000 articles), and it cannot know which side is the smaller.
      // The statement chooses once (TAGS_UPDATED_WAY), each way behind a one-time filter, so only
      // the chosen one runs; a CTE is read only when a scan of it first asks.
      Instant since = filter.updatedSince().get();
      return Optional.of(
          new SqlBuilder()
              .append("with " + TAGS_UPDATED_WAY, "updatedSince", since)
              .append(
                  ", updated as materialized (select a.id, a.updated_at from articles a where "
                      + UPDATED_SINCE
                      + ") (")
              .append(
                  columns
                      + ", u.updated_at as updated_at from article_tags at join updated u on u.id ="
                      + " at.article_id")
              .appendAll(ofTheTags)
              .append(" and (select way from choice) = 'hashed') union all (")
              .append(
                  "select a.id as id, a.published_at as published_at, a.updated_at as"
                      + " updated_at from articles a cross join"
                      + " lateral (select 1 from article_tags at where at.article_id = a.id and"
                      + " at.tag_id = any(array("
                      + TAG_IDS
                      + ")) limit 1) t where "
                      + PUBLIC_UPDATED_SINCE)
              .appendAll(publishedBetween(filter, "a.published_at"))
              .append(" and (select way from choice) = 'updated') union all (")
              .append(
                  columns
                      + ", a.updated_at as updated_at from article_tags at join articles a on a.id ="
                      + " at.article_id and "
                      + UPDATED_SINCE)
              .appendAll(ofTheTags)
              .append(" and (select way from choice) = 'tag rows')"));
    }
    return Optional.empty();
  }

  /** The public rows of the tags filtered by, from their ranges of the tag index. */
  private static SqlBuilder tagRows(ArticleFilter filter) {
    SqlBuilder sql =
        new SqlBuilder()
            .append(
                " where at.tag_id in ("
                    + TAG_IDS
                    + ") and "
                    + PublicArticles.copiedCondition("at.public", "at.published_at"),
                "tags",
                filter.tagSlugs());
    return sql.appendAll(publishedBetween(filter, "at.published_at"));
  }

  /** The bounds of publication the filter asks for, on the instant {@code column}. */
  private static SqlBuilder publishedBetween(ArticleFilter filter, String column) {
    SqlBuilder sql = new SqlBuilder();
    filter
        .publishedAfter()
        .ifPresent(at -> sql.append(" and " + column + " > :after", "after", at));
    filter
        .publishedBefore()
        .ifPresent(at -> sql.append(" and " + column + " < :before", "before", at));
    return sql;
  }

  /**
   * Public articles updated since an instant, and no other filter: read as the range of the updated
   * index ({@link #matchRange}, which the callers have) unless it holds them all ({@link
   * #ALL_UPDATED}).
   */
  private static boolean onlyUpdatedSince(ArticleFilter filter) {
    return publicByTimeAlone(filter)
        && filter.updatedSince().isPresent()
        && filter.publishedAfter().isEmpty()
        && filter.publishedBefore().isEmpty();
  }

  /** Public articles published after or before an instant, or between two, and no other filter. */
  private static boolean onlyPublishedBetween(ArticleFilter filter) {
    return publicByTimeAlone(filter)
        && filter.updatedSince().isEmpty()
        && (filter.publishedAfter().isPresent() || filter.publishedBefore().isPresent());
  }

  /** Every public article, whatever the order: the kept count is its total. */
  private static boolean everything(ArticleFilter filter) {
    return publicByTimeAlone(filter)
        && filter.publishedAfter().isEmpty()
        && filter.publishedBefore().isEmpty()
        && filter.updatedSince().isEmpty();
  }

  /** Public articles with no filter but, perhaps, instants of publication or update. */
  private static boolean publicByTimeAlone(ArticleFilter filter) {
    return filter.status() == ArticleStatus.PUBLISHED
        && filter.tagSlugs().isEmpty()
        && filter.authorHandle().isEmpty()
        && filter.query().isEmpty()
        && filter.onlyAuthorId().isEmpty()
        && filter.followedBy().isEmpty();
  }

  /** Conditions (each "and ...") that no public article was published outside the bounds. */
  private static SqlBuilder noneOutside(ArticleFilter filter) {
    String publicArticle = "select 1 from articles a where " + PublicArticles.condition("a");
    SqlBuilder sql = new SqlBuilder();
    filter
        .publishedAfter()
        .ifPresent(
            at ->
                sql.append(
                    " and not exists (" + publicArticle + " and a.published_at <= :after)",
                    "after",
                    at));
    filter
        .publishedBefore()
        .ifPresent(
            at ->
                sql.append(
                    " and not exists (" + publicArticle + " and a.published_at >= :before)",
                    "before",
                    at));
    return sql;
  }

  /**
   * The public rows of the one tag filtered by, from its range of {@code article_tags_public_idx}.
   */
  private static SqlBuilder tagRange(ArticleFilter filter) {
    return new SqlBuilder()
        .append(
            " and at.tag_id = (select id from tags where slug = :tag) and "
                + PublicArticles.copiedCondition("at.public", "at.published_at"),
            "tag",
            filter.tagSlugs().get(0));
  }

  private static SqlBuilder from(ArticleFilter filter) {
    return new SqlBuilder()
        .append(
            viaTagIndex(filter)
                ? " from article_tags at join articles a on a.id = at.article_id"
                : " from articles a");
  }

  private static SqlBuilder where(ArticleFilter filter) {
    SqlBuilder sql = new SqlBuilder();
    switch (filter.status()) {
      case PUBLISHED -> sql.append(" where " + PublicArticles.condition("a"));
      case SCHEDULED -> sql.append(" where " + PublicArticles.scheduledCondition("a"));
      case DRAFT -> sql.append(" where a.deleted_at is null and a.status = 'draft'");
      case ARCHIVED -> sql.append(" where a.deleted_at is null and a.status = 'archived'");
    }
    filter
        .onlyAuthorId()
        .ifPresent(id -> sql.append(" and a.author_id = :onlyAuthor", "onlyAuthor", id));
    filter
        .followedBy()
        .ifPresent(
            id ->
                sql.append(
                    " and a.author_id in (select author_id from follows where follower_id ="
                        + " :follower)",
                    "follower",
                    id));
    if (viaTagIndex(filter)) {
      sql.appendAll(tagRange(filter));
    } else if (!filter.tagSlugs().isEmpty()) {
      sql.append(
          " and exists (select 1 from article_tags at where at.article_id = a.id and at.tag_id"
              + " in ("
              + TAG_IDS
              + "))",
          "tags",
          filter.tagSlugs());
    }
    filter
        .authorHandle()
        .ifPresent(
            handle ->
                sql.append(
                    " and a.author_id = (select id from accounts where handle = :author)",
                    "author",
                    handle));
    filter
        .query()
        .ifPresent(q -> sql.append(" and a.search @@ websearch_to_tsquery('english', :q)", "q", q));
    sql.appendAll(publishedBetween(filter, "a.published_at"));
    filter
        .updatedSince()
        .ifPresent(at -> sql.append(" and a.updated_at >= :updatedSince", "updatedSince", at));
    return sql;
  }

  /** A stored "published" whose instant has not come reads as scheduled. */
  private static ArticleStatus status(ArticleStatus stored, boolean due) {
    if (stored == ArticleStatus.PUBLISHED && !due) {
      return ArticleStatus.SCHEDULED;
    }
    return stored;
  }

  private static ListingJson.Item item(Row row) {
    return new ListingJson.Item(
        row.bytes("listing_json"),
        row.getInt("like_count"),
        row.getInt("comment_count"),
        row.getDouble("rating_average"),
        row.getInt("rating_count"));
  }

  private static ArticleSummary summary(Row row) {
    return new ArticleSummary(
        row.text("slug"),
        row.text("title"),
        row.text("summary"),
        new AuthorRef(
            row.text("author_handle"), row.text("author_name"), row.text("author_avatar")),
        TagService.refs(row.text("tags")),
        row.instant("published_at"),
        row.instant("updated_at"),
        row.getInt("reading_minutes"),
        row.text("cover_image_url"),
        new ArticleStats(
            row.getInt("like_count"),
            row.getInt("comment_count"),
            Math.round(row.getDouble("rating_average") * 100) / 100.0,
            row.getInt("rating_count")));
  }
}
