package io.pressroom.web;

/** The SQL condition every public count and listing shares: what a reader may see. */
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
}
