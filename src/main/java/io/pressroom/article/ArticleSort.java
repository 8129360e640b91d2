package io.pressroom.article;

import java.util.Arrays;

/** The orders articles can be listed in, each backed by an index and a keyset. */
enum ArticleSort {
  NEWEST("-publishedAt", "a.published_at", "timestamptz", true),
  OLDEST("publishedAt", "a.published_at", "timestamptz", false),
  RECENTLY_UPDATED("-updatedAt", "a.updated_at", "timestamptz", true),
  MOST_LIKED("-likes", "ctr.like_count", "integer", true),
  BEST_RATED("-rating", "ctr.rating_average", "double precision", true),
  MOST_DISCUSSED("-comments", "ctr.comment_count", "integer", true),
  RELEVANCE("relevance", "ts_rank_cd(a.search, " + SearchText.TSQUERY + ")", "real", true);

  private final String parameter;
  private final String keyExpression;
  private final String keyType;
  private final boolean descending;

  ArticleSort(String parameter, String keyExpression, String keyType, boolean descending) {
    this.parameter = parameter;
    this.keyExpression = keyExpression;
    this.keyType = keyType;
    this.descending = descending;
  }

  String parameter() {
    return parameter;
  }

  String keyExpression() {
    return keyExpression;
  }

  String keyType() {
    return keyType;
  }

  boolean descending() {
    return descending;
  }

  /** Ordered by a feedback counter: read from the counters' own partial indexes (V18). */
  boolean byCounter() {
    return this == MOST_LIKED || this == BEST_RATED || this == MOST_DISCUSSED;
  }

  boolean byPublication() {
    return this == NEWEST || this == OLDEST;
  }

  static String[] parameters() {
    return Arrays.stream(values()).map(ArticleSort::parameter).toArray(String[]::new);
  }

  static ArticleSort of(String parameter) {
    for (ArticleSort sort : values()) {
      if (sort.parameter.equals(parameter)) {
        return sort;
      }
    }
    throw new IllegalArgumentException(parameter);
  }
}
