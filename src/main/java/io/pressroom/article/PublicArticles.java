package io.pressroom.article;

import java.time.Instant;

/**
 * The one definition of what a reader may see: an article is <em>public</em> when it is published,
 * its publication instant has come and it is not deleted. A published article whose instant is
 * still ahead is <em>scheduled</em>; public and scheduled articles together are <em>live</em> (they
 * count for their tags ahead of time, see the V6 migration).
 *
 * <p>Every Java use goes through this class: {@link #condition(String)} for SQL over an aliased
 * {@code articles} row, {@link #copiedCondition} over the copies that triggers keep on narrower
 * rows (a tag's index, the counters), {@link #isPublic} for an article already read. The database
 * has the same rule as the functions {@code article_is_live(status, deleted_at)} (immutable) and
 * {@code article_is_public(status, published_at, deleted_at)} (stable: it reads {@code now()}) of
 * the V9 migration, which the triggers of V6, V18 and V21 use; {@code PublicArticlesAgreementTest}
 * checks that all of them agree. Change them together. The SQL here is spelt out rather than
 * calling the function so that the planner sees plain column conditions and keeps using the
 * indexes.
 */
public final class PublicArticles {

  private PublicArticles() {}

  /** Holds for articles (aliased {@code alias}) that anyone may read right now. */
  public static String condition(String alias) {
    return alias
        + ".deleted_at is null and "
        + alias
        + ".status = 'published' and "
        + alias
        + ".published_at <= now()";
  }

  /**
   * Holds for the articles whose copies of the rule say anyone may read them right now: {@code
   * live} and {@code publishedAt} are columns that triggers keep equal to {@link #isLive} and to
   * the publication instant ({@code article_tags.public} and {@code published_at}, V6; {@code
   * article_counters.live} and {@code published_at}, V18 and V21), so that a statement over those
   * narrow rows need not read the article's own.
   */
  public static String copiedCondition(String live, String publishedAt) {
    return live + " and " + publishedAt + " <= now()";
  }

  /** Holds for articles (aliased {@code alias}) that are published for a later instant. */
  public static String scheduledCondition(String alias) {
    return alias
        + ".deleted_at is null and "
        + alias
        + ".status = 'published' and "
        + alias
        + ".published_at > now()";
  }

  /** Published (now or later) and not deleted. */
  public static boolean isLive(ArticleStatus status, Instant deletedAt) {
    return deletedAt == null && status == ArticleStatus.PUBLISHED;
  }

  /** Anyone may read the article at {@code now}. */
  public static boolean isPublic(
      ArticleStatus status, Instant publishedAt, Instant deletedAt, Instant now) {
    return isLive(status, deletedAt) && publishedAt != null && !publishedAt.isAfter(now);
  }

  /** Published for an instant after {@code now}. */
  public static boolean isScheduled(
      ArticleStatus status, Instant publishedAt, Instant deletedAt, Instant now) {
    return isLive(status, deletedAt) && publishedAt != null && publishedAt.isAfter(now);
  }
}
