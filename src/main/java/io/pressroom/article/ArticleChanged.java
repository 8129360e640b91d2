package io.pressroom.article;

import java.time.Instant;

/**
 * Fired inside the transaction of every write that changes what readers may see of an article, so
 * that caches and the changes feed can follow without the writers knowing about them. {@code shown}
 * is false when no reader could see the article before or after the write (a draft): caches of
 * public answers then keep what they have.
 */
public record ArticleChanged(
    long articleId, String slug, Kind kind, Instant publishedAt, boolean shown) {

  public ArticleChanged(long articleId, String slug, Kind kind, Instant publishedAt) {
    this(articleId, slug, kind, publishedAt, true);
  }

  public ArticleChanged(long articleId, String slug, Kind kind) {
    this(articleId, slug, kind, null, true);
  }

  /** A change to an article that was public or scheduled, or is now, when {@code shown}. */
  public static ArticleChanged of(long articleId, String slug, Kind kind, boolean shown) {
    return new ArticleChanged(articleId, slug, kind, null, shown);
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
}
