package io.pressroom.author;

import io.pressroom.account.Role;
import io.pressroom.article.PublicArticles;

/**
 * The one rule for who has a public author profile, as SQL: an enabled account with the author or
 * editor role, or with at least one public article. Admins and readers write nothing by their role,
 * so they are authors only by what they published. Profiles, follows and feeds all use it.
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
        + "') or exists (select 1 from articles authored where authored.author_id = "
        + account
        + ".id and "
        + PublicArticles.condition("authored")
        + "))";
  }
}
