package io.pressroom.author;

import io.pressroom.account.Role;
import io.pressroom.article.PublicArticles;

/**
 * The one rule for who has a public author profile, as SQL: an enabled account with the author or
 * editor role, or with at least one public article. Admins and readers write nothing by their role,
 * so they are authors only by what they published. Profiles, follows and feeds all use it.
 *
 * <p>Each account keeps how many of its articles are live ({@code accounts.live_articles}, V26), so
 * a reader who never published is left out by that column before any article is looked at, and the
 * accounts the rule can hold for are those of the index {@code accounts_maybe_author_idx}, whose
 * condition this one implies.
 */
public final class PublicAuthors {

  private PublicAuthors() {}

  /** Holds for accounts (aliased {@code account}) that have a public author profile right now. */
  public static String condition(String account) {
    return "not "
        + account
        + ".disabled and ("
        + account
        + ".role in ('"
        + Role.AUTHOR.value()
        + "', '"
        + Role.EDITOR.value()
        + "') or ("
        + account
        + ".live_articles > 0 and exists (select 1 from articles authored where"
        + " authored.author_id = "
        + account
        + ".id and "
        + PublicArticles.condition("authored")
        + ")))";
  }

  /**
   * How many public articles the account (aliased {@code account}) has: its live ones less those
   * still scheduled, a short range of {@code articles_author_public_idx} rather than a count of
   * every public one.
   */
  public static String publicArticles(String account) {
    return "("
        + account
        + ".live_articles - (select count(*) from articles scheduled where scheduled.author_id = "
        + account
        + ".id and "
        + PublicArticles.scheduledCondition("scheduled")
        + "))";
  }
}
