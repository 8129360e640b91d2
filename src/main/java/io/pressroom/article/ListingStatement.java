package io.pressroom.article;

import static io.pressroom.article.ListingFilters.TAG_IDS;
import static io.pressroom.article.ListingFilters.after;
import static io.pressroom.article.ListingFilters.countOutside;
import static io.pressroom.article.ListingFilters.everything;
import static io.pressroom.article.ListingFilters.from;
import static io.pressroom.article.ListingFilters.mostWithin;
import static io.pressroom.article.ListingFilters.noneOutside;
import static io.pressroom.article.ListingFilters.onlyByTag;
import static io.pressroom.article.ListingFilters.onlyFollowed;
import static io.pressroom.article.ListingFilters.onlyPublishedBetween;
import static io.pressroom.article.ListingFilters.onlyUpdatedSince;
import static io.pressroom.article.ListingFilters.orderId;
import static io.pressroom.article.ListingFilters.pageBounds;
import static io.pressroom.article.ListingFilters.tagRange;
import static io.pressroom.article.ListingFilters.tagsAndAuthor;
import static io.pressroom.article.ListingFilters.where;

import io.pressroom.article.ArticleQueries.SortPosition;
import io.pressroom.article.ListingFilters.TagsRead;
import io.pressroom.db.SqlBuilder;
import io.pressroom.tag.TagVisibility;
import java.util.Optional;

/**
 * The one statement of a listing ({@link #of}): its facts (the total and which names exist) joined
 * to its page of kept summaries, shaped for the indexes of each kind of listing.
 */
final class ListingStatement {

  private ListingStatement() {}

  /**
   * How many matches of a range ({@link MatchRange#of}) are ordered by a counter from their own
   * rows with one look-up of each one's counters by key; past that, an updated range walks the
   * counter's index until the page is met, and a tags' range joins the counters as PostgreSQL
   * plans.
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

  /** Whether a range's matches are few enough to look their counters up by key. */
  private static final String FEW_MATCHES = "f.total <= " + RANGE_SORTED;

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

  /**
   * The public articles of the authors a reader follows: the kept numbers of their live articles
   * (V26) less those whose scheduled instant is ahead, instead of counting every article of theirs
   * (4,378 articles of 31 authors read at 100,000 articles).
   */
  private static final String FOLLOWED_TOTAL =
      "((select coalesce(sum(u.live_articles), 0) from follows fl join accounts u on u.id ="
          + " fl.author_id where fl.follower_id = :follower) - (select count(*) from follows fl"
          + " join articles s on s.author_id = fl.author_id where fl.follower_id = :follower and "
          + PublicArticles.scheduledCondition("s")
          + "))";

  /**
   * How many rows of a tags' range cost what one look-up of an article's tags by key costs, about:
   * at 1,000,000 articles an author's 555 articles checked against a tag of 14,376 took 9 ms for
   * the total and the page, the tag's rows joined 7.7.
   */
  private static final int ROWS_PER_LOOK_UP = 32;

  /**
   * Whether a listing of tags and an author reads the author's articles first, each checking its
   * tags by key ({@link TagsRead#EACH_CHECKED}), rather than the tags' range joined to them: when
   * the tags have {@link #ROWS_PER_LOOK_UP} times as many rows (V6) as the author has live articles
   * (V26), both counts with scheduled articles. PostgreSQL sees neither side's size behind the
   * names, and read the tags' whole range: at 1,000,000 articles the largest tag's 290,391 rows for
   * an author's 555 articles, 54 to 89 ms where the author's side takes 9 to 14. Chosen once in the
   * statement, each way behind a one-time filter on it.
   */
  private static final String AUTHOR_FIRST_CHOICE =
      "author_first as materialized (select "
          + ROWS_PER_LOOK_UP
          + " * coalesce((select live_articles from accounts where handle = :author), 0) <="
          + " (select coalesce(sum(public_count), 0) from tags where slug in (:tags)) as yes)";

  /** Holds when {@link #AUTHOR_FIRST_CHOICE} does. */
  private static final String AUTHOR_FIRST = "(select yes from author_first)";

  /**
   * The columns of a listed article from its kept JSON ({@link KeptSummaries}), for the article
   * whose id is {@code id} joined to {@link #keptJoin}: the author and tags are in the kept text.
   */
  static String keptColumns(String id) {
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
   * A listing in one statement: its facts (one row, {@code f}) joined to the rows of its page
   * ({@code p}, none when the page is empty: then one row of facts with a null id). One round trip
   * instead of two is most of what a cache miss of a short page costs the application.
   */
  static SqlBuilder of(ArticleFilter filter, Optional<SortPosition> after, int limit, int offset) {
    String direction = filter.sort().descending() ? " desc" : " asc";
    Optional<SqlBuilder> range = MatchRange.of(filter);
    SqlBuilder sql = new SqlBuilder();
    // A range that is only counted (MatchRange.pagesByMerge) is counted where it is read, not
    // copied first.
    range.ifPresent(
        matches ->
            sql.append(MatchRange.pagesByMerge(filter) ? "with m as (" : "with m as materialized (")
                .appendAll(matches)
                .append(") "));
    if (range.isPresent() && walksCounterIndex(filter, offset)) {
      sql.appendAll(tagWalk(filter, after, limit));
    }
    if (range.isPresent() && onlyUpdatedSince(filter)) {
      sql.append(", " + ALL_UPDATED + " ");
    }
    // Never with a range: MatchRange reads none for a listing filtered by author.
    if (tagsAndAuthor(filter)) {
      sql.append("with " + AUTHOR_FIRST_CHOICE + " ");
    }
    sql.append("select f.total as total, f.known_tags as known_tags,")
        .append(" f.author_known as author_known, p.* from (select ")
        .appendAll(facts(filter, range.isPresent()))
        // offset 0 keeps the facts one row computed once: the page's branches test its total, and
        // each test would otherwise count the range again.
        .append(" offset 0) f left join lateral (")
        .appendAll(pageOf(filter, range.isPresent(), after, limit, offset))
        .append(") p on true order by p.order_key" + direction + ", p.order_id" + direction);
    return sql;
  }

  /** The page's rows ({@code p}), read as each kind of listing is read best. */
  private static SqlBuilder pageOf(
      ArticleFilter filter, boolean ranged, Optional<SortPosition> after, int limit, int offset) {
    if (ranged) {
      return rangePage(filter, after, limit, offset);
    }
    if (onlyFollowed(filter)) {
      return followedPage(filter, after, limit, offset);
    }
    if (!tagsAndAuthor(filter)) {
      return page(filter, after, limit, offset);
    }
    return new SqlBuilder()
        .append("(")
        .appendAll(page(filter, after, limit, offset, TagsRead.of(filter), "not " + AUTHOR_FIRST))
        .append(") union all (")
        .appendAll(page(filter, after, limit, offset, TagsRead.EACH_CHECKED, AUTHOR_FIRST))
        .append(")");
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
    } else if (tagsAndAuthor(filter)) {
      sql.append("(case when " + AUTHOR_FIRST + " then ")
          .appendAll(count(filter, TagsRead.EACH_CHECKED))
          .append(" else ")
          .appendAll(count(filter, TagsRead.of(filter)))
          .append(" end)");
    } else if (everything(filter)) {
      sql.append(EVERYTHING_TOTAL);
    } else if (onlyFollowed(filter)) {
      sql.append(FOLLOWED_TOTAL, "follower", filter.followedBy().orElseThrow());
    } else if (onlyPublishedBetween(filter)) {
      // Bounds that every public article's publication is within (publishedAfter=2000-01-01) count
      // everything: one look-up at each end of the publication index says so.
      // Bounds that keep most articles (publishedAfter=2025-01-01, 963,739 of 1,000,000) count the
      // fewer articles outside them, taken from everything.
      sql.append("(case when true")
          .appendAll(noneOutside(filter))
          .append(" then " + EVERYTHING_TOTAL + " when ")
          .appendAll(mostWithin(filter))
          .append(" then " + EVERYTHING_TOTAL + " - ")
          .appendAll(countOutside(filter))
          .append(" else ")
          .appendAll(count(filter, TagsRead.of(filter)))
          .append(" end)");
    } else {
      sql.appendAll(count(filter, TagsRead.of(filter)));
    }
    sql.append(" as total");
    sql.append(
        filter.tagSlugs().isEmpty()
            ? ", cast(null as text) as known_tags"
            : ", (select string_agg(t.slug, ',') from tags t where t.slug in (:tags)"
                // Editors and authors listing drafts may name the tags only drafts have.
                + (filter.status() == ArticleStatus.PUBLISHED
                    ? " and " + TagVisibility.condition("t")
                    : "")
                + ") as known_tags");
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

  /** Every article the filter keeps, counted, meeting the tags' articles as {@code tags} says. */
  private static SqlBuilder count(ArticleFilter filter, TagsRead tags) {
    return new SqlBuilder()
        .append("(select count(*)")
        .appendAll(from(tags))
        .appendAll(where(filter, tags))
        .append(")");
  }

  /** The page's rows, with their sort key and id as {@code order_key} and {@code order_id}. */
  private static SqlBuilder page(
      ArticleFilter filter, Optional<SortPosition> after, int limit, int offset) {
    return page(filter, after, limit, offset, TagsRead.of(filter), "true");
  }

  /**
   * The page's rows, meeting the tags' articles as {@code tags} says, when {@code when} holds: with
   * the rows' own conditions, so that a page after skipped rows does not find its ids (an array
   * PostgreSQL computes even where a condition around it leaves the branch out) in vain.
   */
  private static SqlBuilder page(
      ArticleFilter filter,
      Optional<SortPosition> after,
      int limit,
      int offset,
      TagsRead tags,
      String when) {
    ArticleSort sort = filter.sort();
    boolean tagIndexOrder = tags == TagsRead.TAG_RANGE && sort.byPublication();
    String key = tagIndexOrder ? "at.published_at" : sort.keyExpression();
    // In an order by a counter, the id of the counters' row: the cursor's (key, id) is then a bound
    // of the counter's index, where with the article's id it was checked row by row from the top.
    String idColumn = tagIndexOrder ? "at.article_id" : orderId(sort);
    if (offset == 0) {
      return new SqlBuilder()
          .append("select " + keptColumns(idColumn))
          .append(", cast(" + key + " as text) as sort_key")
          .append(", " + key + " as order_key, " + idColumn + " as order_id")
          .appendAll(rows(filter, tags, when, after, limit, 0, key, idColumn, true));
    }
    // A page after skipped rows (page=N): its ids first, from the order's index alone, then the
    // kept summaries of those. Joined to each skipped row, the summaries and counters were read for
    // every one (3.2 s for page 400 of the largest tag at 1,000,000 articles, its ids 4 ms).
    return summariesOf(
        tagIndexOrder ? "a.published_at" : key,
        new SqlBuilder()
            .append("select " + idColumn)
            .appendAll(rows(filter, tags, when, after, limit, offset, key, idColumn, false)));
  }

  /**
   * From, where, order and bounds of a page's rows, keyed by {@code key} and {@code idColumn}; with
   * each one's kept summary and counters joined, or ({@code kept} false) only the counters an order
   * by one needs.
   */
  private static SqlBuilder rows(
      ArticleFilter filter,
      TagsRead tags,
      String when,
      Optional<SortPosition> after,
      int limit,
      int offset,
      String key,
      String idColumn,
      boolean kept) {
    ArticleSort sort = filter.sort();
    String direction = sort.descending() ? " desc" : " asc";
    boolean tagIndexOrder = tags == TagsRead.TAG_RANGE && sort.byPublication();
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
      sql.appendAll(from(tags)).append(joins).appendAll(where(filter, tags));
    }
    if (sort.byCounter() && filter.status() == ArticleStatus.PUBLISHED) {
      // Implied by the public condition; spelt out so that the counters' partial index serves it.
      sql.append(" and ctr.live");
    }
    if (!when.equals("true")) {
      sql.append(" and " + when);
    }
    sql.appendAll(after(sort, key, idColumn, after));
    if (sort == ArticleSort.RELEVANCE) {
      SearchText.of(filter.query().orElseThrow()).bind(sql);
    }
    return sql.append(" order by " + key + direction + ", " + idColumn + direction)
        .append(pageBounds(limit, offset));
  }

  /**
   * The page of a listing read from its {@link MatchRange#of range of matches} ({@code m}): the
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
      return MatchRange.pagesByMerge(filter)
          ? summariesOf(sort.keyExpression(), MatchRange.mergedPage(filter, after, limit, offset))
          : sorted(filter, after, limit, offset, "", "true");
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
   * A page of a reader's feed: at most a page of each followed author's public articles, from the
   * author's index in the order asked, merged; then the kept summaries of the page alone. With the
   * authors' articles joined as one set, PostgreSQL read the summary and counters of every one of
   * them before it ordered them (45 ms for 31 authors' 4,378 articles at 100,000 articles).
   */
  private static SqlBuilder followedPage(
      ArticleFilter filter, Optional<SortPosition> after, int limit, int offset) {
    ArticleSort sort = filter.sort();
    String direction = sort.descending() ? " desc" : " asc";
    String key = sort.keyExpression();
    SqlBuilder ids =
        new SqlBuilder()
            .append("select x.id from follows fl cross join lateral (select a.id as id, ")
            .append(key + " as k from articles a where " + PublicArticles.condition("a"))
            .append(" and a.author_id = fl.author_id")
            .appendAll(after(sort, key, "a.id", after))
            .append(" order by " + key + direction + ", a.id" + direction)
            .append(pageBounds(limit + offset, 0))
            .append(
                ") x where fl.follower_id = :follower",
                "follower",
                filter.followedBy().orElseThrow())
            .append(" order by x.k" + direction + ", x.id" + direction)
            .append(pageBounds(limit, offset));
    return summariesOf(key, ids);
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
}
