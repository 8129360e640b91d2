package io.pressroom.tag;

import io.pressroom.article.PublicArticles;

/**
 * Which tags anyone may see, written once for every statement that shows a tag or tells whether one
 * exists (its page, the list of tags, its feed, a listing or search filtered by it): those with a
 * public article now, and those an editor created, described or renamed ({@code curated}). A tag
 * that only drafts or scheduled articles have stays hidden as they do: its name (a company, a
 * product, often the news itself) would tell anyone what an unpublished article is about.
 */
public final class TagVisibility {

  private TagVisibility() {}

  /** Holds for the tags (a row of {@code tags} aliased {@code alias}) that anyone may see. */
  public static String condition(String alias) {
    return "("
        + alias
        + ".curated or exists (select 1 from article_tags v where v.tag_id = "
        + alias
        + ".id and "
        + PublicArticles.copiedCondition("v.public", "v.published_at")
        + "))";
  }
}
