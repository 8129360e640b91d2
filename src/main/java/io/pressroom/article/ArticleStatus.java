package io.pressroom.article;

import java.util.Locale;

/**
 * Where an article stands. "Scheduled" is not stored: it is a published article whose instant has
 * not come yet, so it becomes public at that instant with no job having to run.
 */
public enum ArticleStatus {
  DRAFT,
  SCHEDULED,
  PUBLISHED,
  ARCHIVED;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status stored (or shown) as {@code value}. */
  static ArticleStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
