package io.pressroom.article;

import io.pressroom.article.ArticleQueries.SortPosition;
import io.pressroom.db.SqlBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of what a listing's filter asks, shared by the listing's statement ({@link
 * ListingStatement}), its ranges of matches ({@link MatchRange}) and the orders search matches are
 * put in ({@link ArticleQueries#order}): which articles (from, where), after which position a page
 * starts and where it ends, and which kind of listing a filter is (the kinds that read a kept total
 * or an index's range instead of counting).
 */
final class ListingFilters {

  private ListingFilters() {}

  /** Live articles as the partial indexes of V1 name them (public or scheduled). */
  static final String LIVE_ARTICLE = "a.status = 'published' and a.deleted_at is null";

  /** The ids of the tags filtered by. */
  static final String TAG_IDS = "select id from tags where slug in (:tags)";

  /**
   * Public articles of one tag (other filters may narrow them): read from the tag's range of {@code
   * article_tags_public_idx}.
   */
  static boolean viaTagIndex(ArticleFilter filter) {
    return filter.tagSlugs().size() == 1 && filter.status() == ArticleStatus.PUBLISHED;
  }

  /** A listing of one tag and nothing else, whose total the tag keeps itself. */
  static boolean onlyByTag(ArticleFilter filter) {
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
   * A reader's own feed ({@code followedBy}) in an order of publication, and no other filter: read
   * author by author ({@code ListingStatement.followedPage}).
   */
  static boolean onlyFollowed(ArticleFilter filter) {
    return filter.followedBy().isPresent()
        && filter.status() == ArticleStatus.PUBLISHED
        && filter.sort().byPublication()
        && filter.tagSlugs().isEmpty()
        && filter.authorHandle().isEmpty()
        && filter.query().isEmpty()
        && filter.publishedAfter().isEmpty()
        && filter.publishedBefore().isEmpty()
        && filter.updatedSince().isEmpty()
        && filter.onlyAuthorId().isEmpty();
  }

  /** The bounds of publication the filter asks for, on the instant {@code column}. */
  static SqlBuilder publishedBetween(ArticleFilter filter, String column) {
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
   * index ({@link MatchRange#of}, which the callers have) unless it holds them all ({@code
   * ListingStatement.ALL_UPDATED}).
   */
  static boolean onlyUpdatedSince(ArticleFilter filter) {
    return publicByTimeAlone(filter)
        && filter.updatedSince().isPresent()
        && filter.publishedAfter().isEmpty()
        && filter.publishedBefore().isEmpty();
  }

  /** Public articles published after or before an instant, or between two, and no other filter. */
  static boolean onlyPublishedBetween(ArticleFilter filter) {
    return publicByTimeAlone(filter)
        && filter.updatedSince().isEmpty()
        && (filter.publishedAfter().isPresent() || filter.publishedBefore().isPresent());
  }

  /** Every public article, whatever the order: the kept count is its total. */
  static boolean everything(ArticleFilter filter) {
    return publicByTimeAlone(filter)
        && filter.publishedAfter().isEmpty()
        && filter.publishedBefore().isEmpty()
        && filter.updatedSince().isEmpty();
  }

  /** Public articles with no filter but, perhaps, instants of publication or update. */
  static boolean publicByTimeAlone(ArticleFilter filter) {
    return filter.status() == ArticleStatus.PUBLISHED
        && filter.tagSlugs().isEmpty()
        && filter.authorHandle().isEmpty()
        && filter.query().isEmpty()
        && filter.onlyAuthorId().isEmpty()
        && filter.followedBy().isEmpty();
  }

  /** Conditions (each "and ...") that no public article was published outside the bounds. */
  static SqlBuilder noneOutside(ArticleFilter filter) {
    SqlBuilder sql = new SqlBuilder();
    outsideEachBound(filter, "1")
        .forEach(outside -> sql.append(" and not exists ").appendAll(outside));
    return sql;
  }

  /**
   * For each bound, the public articles published outside it (at or before {@code publishedAfter},
   * at or after {@code publishedBefore}) as {@code (select <what> from articles a ...)}.
   */
  private static List<SqlBuilder> outsideEachBound(ArticleFilter filter, String what) {
    String publicArticles =
        "(select " + what + " from articles a where " + PublicArticles.condition("a");
    List<SqlBuilder> outside = new ArrayList<>();
    filter
        .publishedAfter()
        .ifPresent(
            at ->
                outside.add(
                    new SqlBuilder()
                        .append(publicArticles + " and a.published_at <= :after)", "after", at)));
    filter
        .publishedBefore()
        .ifPresent(
            at ->
                outside.add(
                    new SqlBuilder()
                        .append(publicArticles + " and a.published_at >= :before)", "before", at)));
    return outside;
  }

  /**
   * Whether, by PostgreSQL's statistics of the publication instants ({@code
   * articles_published_share}, V28), more than half of the articles were published within the
   * bounds: then the articles outside are the fewer to count. Null, so false, when there are no
   * statistics yet. Only an estimate, to choose which side to count; the count itself is exact.
   * Bounds that leave nothing between them have no share, so never hold (the articles outside them
   * would be counted twice).
   */
  static SqlBuilder mostWithin(ArticleFilter filter) {
    SqlBuilder sql = new SqlBuilder().append("articles_published_share(");
    filter
        .publishedAfter()
        .ifPresentOrElse(
            at -> sql.append("cast(:after as timestamptz)", "after", at), () -> sql.append("null"));
    sql.append(", ");
    filter
        .publishedBefore()
        .ifPresentOrElse(
            at -> sql.append("cast(:before as timestamptz)", "before", at),
            () -> sql.append("null"));
    return sql.append(") > 0.5");
  }

  /** The public articles published outside the bounds, counted: at or before one, at or after. */
  static SqlBuilder countOutside(ArticleFilter filter) {
    SqlBuilder sql = new SqlBuilder().append("(0");
    outsideEachBound(filter, "count(*)").forEach(outside -> sql.append(" + ").appendAll(outside));
    return sql.append(")");
  }

  /**
   * The public rows of the one tag filtered by, from its range of {@code article_tags_public_idx}.
   */
  static SqlBuilder tagRange(ArticleFilter filter) {
    return new SqlBuilder()
        .append(
            " and at.tag_id = (select id from tags where slug = :tag) and "
                + PublicArticles.copiedCondition("at.public", "at.published_at"),
            "tag",
            filter.tagSlugs().get(0));
  }

  /**
   * Tags and an author filtered together in a listing of public articles: the statement chooses
   * from their kept counts whether the tags' rows or the author's articles are read first ({@code
   * ListingStatement.AUTHOR_FIRST_CHOICE}).
   */
  static boolean tagsAndAuthor(ArticleFilter filter) {
    return !filter.tagSlugs().isEmpty()
        && filter.authorHandle().isPresent()
        && filter.status() == ArticleStatus.PUBLISHED;
  }

  /** How a listing meets the articles of the tags it filters by. */
  enum TagsRead {
    /** From the one tag's range of {@code article_tags_public_idx} ({@link #viaTagIndex}). */
    TAG_RANGE,
    /** Among the articles the other filters keep, joined to the tags' rows as PostgreSQL plans. */
    JOINED,
    /**
     * Among the articles the other filters keep, each checking its own tags by key: for a few
     * articles (an author's) against many tag rows, which PostgreSQL, seeing neither side's size,
     * read whole and joined (the 290,391 rows of the largest tag for an author's 555 articles at
     * 1,000,000 articles).
     */
    EACH_CHECKED;

    /** The way a listing reads its tags unless it chooses ({@link #tagsAndAuthor}). */
    static TagsRead of(ArticleFilter filter) {
      return viaTagIndex(filter) ? TAG_RANGE : JOINED;
    }
  }

  static SqlBuilder from(ArticleFilter filter) {
    return from(TagsRead.of(filter));
  }

  static SqlBuilder from(TagsRead tags) {
    return new SqlBuilder()
        .append(
            tags == TagsRead.TAG_RANGE
                ? " from article_tags at join articles a on a.id = at.article_id"
                : " from articles a");
  }

  static SqlBuilder where(ArticleFilter filter) {
    return where(filter, TagsRead.of(filter));
  }

  static SqlBuilder where(ArticleFilter filter, TagsRead tags) {
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
    if (tags == TagsRead.TAG_RANGE) {
      sql.appendAll(tagRange(filter));
    } else if (!filter.tagSlugs().isEmpty() && tags == TagsRead.JOINED) {
      sql.append(
          " and exists (select 1 from article_tags at where at.article_id = a.id and at.tag_id"
              + " in ("
              + TAG_IDS
              + "))",
          "tags",
          filter.tagSlugs());
    } else if (!filter.tagSlugs().isEmpty()) {
      // offset 0 keeps the check a look-up per article: without it PostgreSQL joins it as above.
      sql.append(
          " and exists (select 1 from article_tags at where at.article_id = a.id and at.tag_id ="
              + " any(array("
              + TAG_IDS
              + ")) offset 0)",
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
        .ifPresent(
            q -> SearchText.of(q).bind(sql.append(" and a.search @@ " + SearchText.TSQUERY)));
    sql.appendAll(publishedBetween(filter, "a.published_at"));
    filter
        .updatedSince()
        .ifPresent(at -> sql.append(" and a.updated_at >= :updatedSince", "updatedSince", at));
    return sql;
  }

  /** Rows past {@code after} in the order of {@code key} (ties by {@code idColumn}). */
  static SqlBuilder after(
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

  static String orderId(ArticleSort sort) {
    return sort.byCounter() ? "ctr.article_id" : "a.id";
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
}
