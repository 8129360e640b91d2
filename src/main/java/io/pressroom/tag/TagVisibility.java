package io.pressroom.tag;

import io.pressroom.article.PublicArticles;

/**
 * Which tags anyone may see, written once for every statement that shows a tag or tells whether one
 * exists (its page, the list of tags, its feed, a listing or search filtered by it): those with a
 * public article now, and those an editor created, described or renamed ({@code curated}). A tag
 * that only drafts or scheduled articles have stays hidden as they do: its name (a company, a
 * product, often the news itself) would tell anyone what an unpublished article is about.
 *
 * <p>"A public article now" is read from the tag's own row: {@code public_since}, the earliest
 * publication instant of its live articles, which the V24 trigger keeps as they come and go. A live
 * article is public once its instant has passed ({@link PublicArticles#copiedCondition}), so the
 * tag has one exactly when that earliest instant has; the list of tags so checks a column of each
 * tag rather than probing each tag's articles.
 */
public final class TagVisibility {

  private TagVisibility() {}

  /** Holds for the tags (a row of {@code tags} aliased {@code alias}) that anyone may see. */
  public static String condition(String alias) {
    return "("
        + alias
        + ".curated or "
        + PublicArticles.copiedCondition(
            alias + ".public_since is not null", alias + ".public_since")
        + ")";
  }
}
