package io.pressroom.feed;

import java.time.Instant;
import java.util.List;

/**
 * A feed as every format shows it, before it is written in one of them; every link is absolute.
 *
 * @param title the feed's name, such as "Pressroom — Rust"
 * @param description one sentence on what the feed holds
 * @param homePageUrl where people see the same articles (the listing or the web site)
 * @param selfUrl this feed, in the format asked for; also the Atom feed's id
 * @param updated the newest entry's update time, else when the tag or author was created
 */
record Feed(
    String title,
    String description,
    String homePageUrl,
    String selfUrl,
    Instant updated,
    List<Item> items) {

  /**
   * One article.
   *
   * @param id the article's API URL, which does not change with the site's configuration
   * @param url where a person reads it
   * @param html the sanitised body
   * @param updated never before {@code published}: a scheduled article counts as updated when it
   *     appears
   */
  record Item(
      String id,
      String url,
      String title,
      String summary,
      String html,
      Instant published,
      Instant updated,
      Author author,
      List<Category> categories) {}

  record Author(String name, String url) {}

  /** A tag: its slug as the term, its name as the label. */
  record Category(String term, String label) {}
}
