package io.pressroom.article;

import static io.pressroom.article.ListingFilters.LIVE_ARTICLE;
import static io.pressroom.article.ListingFilters.TAG_IDS;
import static io.pressroom.article.ListingFilters.from;
import static io.pressroom.article.ListingFilters.publishedBetween;
import static io.pressroom.article.ListingFilters.where;

import io.pressroom.article.ArticleQueries.SortPosition;
import io.pressroom.db.SqlBuilder;
import java.time.Instant;
import java.util.Optional;

/**
 * The ranges of matches a listing reads from one index, counted and ordered there ({@link #of}).
 */
final class MatchRange {

  private MatchRange() {}

  /** Live articles updated since the instant: the range of {@code articles_public_updated_idx}. */
  private static final String UPDATED_SINCE = LIVE_ARTICLE + " and a.updated_at >= :updatedSince";

  /** Public articles updated since the instant: the same range, less those scheduled ahead. */
  private static final String PUBLIC_UPDATED_SINCE =
      PublicArticles.condition("a") + " and a.updated_at >= :updatedSince";

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
  static Optional<SqlBuilder> of(ArticleFilter filter) {
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
    if (mergesTags(filter)) {
      return Optional.of(tagsMerged(filter));
    }
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

  /** Whether the matches are several tags' articles merged ({@link #tagsMerged}). */
  static boolean mergesTags(ArticleFilter filter) {
    return filter.tagSlugs().size() > 1 && filter.updatedSince().isEmpty();
  }

  /**
   * Whether the listing's page merges the first rows of each of its tags ({@link #mergedPage}), its
   * range being only counted: several tags in an order by publication.
   */
  static boolean pagesByMerge(ArticleFilter filter) {
    return mergesTags(filter) && filter.sort().byPublication();
  }

  /**
   * The public articles of several tags, each tag's range of {@code article_tags_public_idx} read
   * in its order (publication, then id) and merged, an article of two of the tags kept once as the
   * ranges pass: a {@code distinct} over all the tags' rows hashed every one of them (the two
   * largest tags at 100,000 articles, 47,597 rows: 21 ms counted so, 8.5 ms merged).
   */
  private static SqlBuilder tagsMerged(ArticleFilter filter) {
    SqlBuilder sql = new SqlBuilder();
    for (int i = 0; i < filter.tagSlugs().size(); i++) {
      sql.append(i == 0 ? "(" : " union (").appendAll(tagBranch(filter, i)).append(")");
    }
    return sql;
  }

  /**
   * The ids of a page of several tags' articles in an order by publication: the first {@code limit
   * + offset} of each tag's range from the cursor on, merged and cut. An article among the page's
   * has fewer than that many articles before it in the listing, so also in each of its tags'
   * ranges, and is among the first of them: each tag gives at most a page's worth of rows where
   * ordering every match for the page read them all (42,537 for the two largest tags at 100,000
   * articles).
   */
  static SqlBuilder mergedPage(
      ArticleFilter filter, Optional<SortPosition> after, int limit, int offset) {
    ArticleSort sort = filter.sort();
    String direction = sort.descending() ? " desc" : " asc";
    SqlBuilder sql = new SqlBuilder().append("select a.id as id from (");
    for (int i = 0; i < filter.tagSlugs().size(); i++) {
      sql.append(i == 0 ? "(" : " union (")
          .appendAll(tagBranch(filter, i))
          .appendAll(ListingFilters.after(sort, "at.published_at", "at.article_id", after))
          .append(" order by at.published_at" + direction + ", at.article_id" + direction)
          .append(" limit " + (limit + offset) + ")");
    }
    return sql.append(") a order by a.published_at" + direction + ", a.id" + direction)
        .append(ListingFilters.pageBounds(limit, offset));
  }

  /** The public rows of the {@code i}th tag filtered by, from its range of the tag index. */
  private static SqlBuilder tagBranch(ArticleFilter filter, int i) {
    return new SqlBuilder()
        .append(
            "select at.published_at as published_at, at.article_id as id from article_tags at"
                + " where at.tag_id = (select id from tags where slug = :tag"
                + i
                + ") and "
                + PublicArticles.copiedCondition("at.public", "at.published_at"),
            "tag" + i,
            filter.tagSlugs().get(i))
        .appendAll(publishedBetween(filter, "at.published_at"));
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
}
