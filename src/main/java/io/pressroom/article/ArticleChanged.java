package io.pressroom.article;

import java.time.Instant;

/**
 * Fired inside the transaction of every write that changes what readers may see of an article, so
 * that caches and the changes feed can follow without the writers knowing about them.
 */
public record ArticleChanged(long articleId, String slug, Kind kind, Instant publishedAt) {

  public ArticleChanged(long articleId, String slug, Kind kind) {
    this(articleId, slug, kind, null);
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
