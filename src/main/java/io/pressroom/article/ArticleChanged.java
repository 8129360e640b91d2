package io.pressroom.article;

import java.time.Instant;
import java.util.Locale;

/**
 * Fired inside the transaction of every write that changes what readers may see of an article, so
 * that caches and the changes feed can follow without the writers knowing about them. {@code shown}
 * is false when no reader could see the article before or after the write (a draft): caches of
 * public answers then keep what they have. {@code feedOp} is what the changes feed records for the
 * write, decided by the article package as part of the write ({@link FeedOp#UNSETTLED} when the
 * writer does not own articles and so could not tell). {@code publicBefore} says whether readers
 * could see the article just before the write (a scheduled article whose instant has passed
 * included, which the changes feed may not have announced yet); webhooks tell publication from
 * re-publication and unpublishing from cancelling a schedule by it. Only the article package's own
 * writes know it; others say false. {@code writtenAt} is the instant the article package judged
 * {@code publicBefore} at (null from other writers), so that a listener comparing instants agrees
 * with that judgement.
 */
public record ArticleChanged(
    long articleId,
    String slug,
    Kind kind,
    Instant publishedAt,
    boolean shown,
    FeedOp feedOp,
    boolean publicBefore,
    Instant writtenAt) {

  public ArticleChanged(long articleId, String slug, Kind kind) {
    this(articleId, slug, kind, null, true, FeedOp.UNSETTLED);
  }

  public ArticleChanged(
      long articleId, String slug, Kind kind, Instant publishedAt, boolean shown, FeedOp feedOp) {
    this(articleId, slug, kind, publishedAt, shown, feedOp, false, null);
  }

  /** A write of the article package, with what it means for caches and for the changes feed. */
  static ArticleChanged of(
      Article article,
      Kind kind,
      Instant publishedAt,
      boolean shown,
      FeedOp feedOp,
      boolean publicBefore) {
    return of(article, kind, publishedAt, shown, feedOp, publicBefore, null);
  }

  /** As above, judged at {@code writtenAt}. */
  static ArticleChanged of(
      Article article,
      Kind kind,
      Instant publishedAt,
      boolean shown,
      FeedOp feedOp,
      boolean publicBefore,
      Instant writtenAt) {
    return new ArticleChanged(
        article.id, article.slug, kind, publishedAt, shown, feedOp, publicBefore, writtenAt);
  }

  /**
   * Whether the write changed what listings show of the article (its text, tags, instants, whether
   * it is listed at all): readers could see it before or after, and it was not only feedback, whose
   * counters every listing reads afresh. What per-instance copies of listed content drop on.
   */
  public boolean changesListings() {
    return shown && kind != Kind.FEEDBACK;
  }

  /** What happened. */
  public enum Kind {
    CREATED,
    UPDATED,
    PUBLISHED,
    UNPUBLISHED,
    DELETED,
    FEEDBACK
  }

  /** What the changes feed records for a write. */
  public enum FeedOp {
    /** Readers may see the article now: its current state. */
    UPSERT,
    /** The feed had shown the article and readers may no longer see it. */
    DELETE,
    /** Nothing for readers to learn. */
    NONE,
    /** Not decided by the writer: the article package settles it when the change is recorded. */
    UNSETTLED;

    /** The stored value of {@code article_changes.op}. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
