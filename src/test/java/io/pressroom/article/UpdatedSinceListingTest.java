package io.pressroom.article;

import static io.pressroom.support.ArticlePages.pick;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.support.ArticlePages;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Listings of the public articles updated since an instant (an aggregator's incremental pull), in
 * every order, paged by cursor: exactly those articles, in the order asked, with their exact total
 * on every page. Without a tag, an author or a query, they are read from the updated range of the
 * index (ArticleQueries), not by walking the order past every article that was not updated.
 */
@QuarkusTest
class UpdatedSinceListingTest {

  @Inject Fixtures fixtures;

  @Test
  void listsExactlyTheArticlesUpdatedSinceInEveryOrderAcrossPages() throws InterruptedException {
    Account author = fixtures.author();
    Instant now = Instant.now();
    // Published long ago and not updated since: what a pull since the instant below must skip.
    for (int i = 0; i < 5; i++) {
      fixtures.article(author).publishedAt(now.minusSeconds(86_400L * (10 + i))).create();
    }
    // Published at various instants and updated after it; the oldest publications come first in
    // the oldest-first order, where a walk of the publication order would meet them only at its
    // end.
    int[] hoursAgo = {30, 2, 700, 5, 90, 1};
    int[] likes = {4, 9, 0, 9, 1, 6};
    List<String> updated = new ArrayList<>();
    for (int i = 0; i < hoursAgo.length; i++) {
      String slug =
          fixtures.article(author).publishedAt(now.minusSeconds(3600L * hoursAgo[i])).create();
      fixtures.setCounters(slug, likes[i], hoursAgo.length - i, 1, 1 + i % 5);
      updated.add(slug);
    }
    Thread.sleep(2);
    Instant since = Instant.now();
    for (String slug : updated) {
      Thread.sleep(2);
      fixtures.setUpdatedAt(slug, Instant.now());
    }

    assertThat(pull(since, "-publishedAt"))
        .containsExactlyElementsOf(pick(updated, 5, 1, 3, 0, 4, 2));
    assertThat(pull(since, "publishedAt"))
        .containsExactlyElementsOf(pick(updated, 2, 4, 0, 3, 1, 5));
    // Ties of a counter go to the later article (the higher id), as in every listing.
    assertThat(pull(since, "-likes")).containsExactlyElementsOf(pick(updated, 3, 1, 5, 0, 4, 2));
    assertThat(pull(since, "-comments")).containsExactlyElementsOf(updated);
    assertThat(pull(since, "-rating")).containsExactlyElementsOf(pick(updated, 4, 3, 2, 1, 5, 0));
    List<String> lastUpdatedFirst = new ArrayList<>(updated);
    Collections.reverse(lastUpdatedFirst);
    assertThat(pull(since, "-updatedAt")).containsExactlyElementsOf(lastUpdatedFirst);
  }

  /** Every slug of a pull since {@code since} in {@code sort}, two per page, by cursor. */
  private static List<String> pull(Instant since, String sort) {
    return ArticlePages.allSlugs(
        request -> request.queryParam("updatedSince", since.toString()).queryParam("sort", sort),
        6);
  }
}
