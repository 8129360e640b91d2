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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Listings of several tags (any of them), and of one tag by a counter, paged by cursor: each public
 * article of those tags once, in the order asked, with the exact total on every page. They are read
 * from the tags' ranges of the tag index (ArticleQueries), not by visiting every article.
 */
@QuarkusTest
class TagRangeListingTest {

  @Inject Fixtures fixtures;

  @Test
  void listsEachArticleOfAnyOfTheTagsOnceInEveryOrderAcrossPages() {
    Account author = fixtures.author();
    String first = fixtures.tag();
    String second = fixtures.tag();
    String other = fixtures.tag();
    Instant now = Instant.now();
    int[] hoursAgo = {30, 2, 700, 5, 90};
    int[] likes = {4, 9, 0, 9, 1};
    String[][] tagsOf = {{first}, {first, second}, {second}, {second, other}, {first, second}};
    List<String> listed = new ArrayList<>();
    for (int i = 0; i < hoursAgo.length; i++) {
      String slug =
          fixtures
              .article(author)
              .tags(tagsOf[i])
              .publishedAt(now.minusSeconds(3600L * hoursAgo[i]))
              .create();
      fixtures.setCounters(slug, likes[i], hoursAgo.length - i, 0, 0);
      listed.add(slug);
    }
    // Not listed: only another tag, not yet public, deleted.
    fixtures.article(author).tags(other).create();
    fixtures.article(author).tags(first).publishedAt(now.plusSeconds(86_400)).create();
    fixtures.markDeleted(fixtures.article(author).tags(second, first).create());

    List<String> both = List.of(first, second);
    assertThat(pull(both, "-publishedAt", 5))
        .containsExactlyElementsOf(pick(listed, 1, 3, 0, 4, 2));
    assertThat(pull(both, "publishedAt", 5)).containsExactlyElementsOf(pick(listed, 2, 4, 0, 3, 1));
    // Ties of a counter go to the later article (the higher id).
    assertThat(pull(both, "-likes", 5)).containsExactlyElementsOf(pick(listed, 3, 1, 0, 4, 2));
    assertThat(pull(both, "-comments", 5)).containsExactlyElementsOf(listed);
    assertThat(pull(List.of(first), "-likes", 3)).containsExactlyElementsOf(pick(listed, 1, 0, 4));
    assertThat(pull(List.of(second), "-comments", 4))
        .containsExactlyElementsOf(pick(listed, 1, 2, 3, 4));
  }

  @Test
  void listsTheArticlesOfTheTagsUpdatedSince() throws InterruptedException {
    Account author = fixtures.author();
    String first = fixtures.tag();
    String second = fixtures.tag();
    String other = fixtures.tag();
    Instant now = Instant.now();
    String oldOne =
        fixtures.article(author).tags(first).publishedAt(now.minusSeconds(9000)).create();
    String updatedOld =
        fixtures.article(author).tags(second).publishedAt(now.minusSeconds(8000)).create();
    String updatedBoth =
        fixtures.article(author).tags(first, second).publishedAt(now.minusSeconds(100)).create();
    String updatedElsewhere =
        fixtures.article(author).tags(other).publishedAt(now.minusSeconds(50)).create();
    fixtures.setCounters(updatedOld, 5, 0, 0, 0);
    fixtures.setCounters(oldOne, 9, 0, 0, 0);
    Thread.sleep(2);
    Instant since = Instant.now();
    for (String slug : List.of(updatedOld, updatedBoth, updatedElsewhere)) {
      Thread.sleep(2);
      fixtures.setUpdatedAt(slug, Instant.now());
    }

    List<String> both = List.of(first, second);
    // The tags' kept counts choose the way (MatchRange.TAGS_UPDATED_WAY): as they are, each tag
    // row checks its article; claiming a million, each updated article checks its tags. The third,
    // hashed, needs hundreds of updated articles: ListingPlanTest.
    for (Integer claimed : new Integer[] {null, 1_000_000}) {
      if (claimed != null) {
        fixtures.setTagPublicCount(first, claimed);
        fixtures.setTagPublicCount(second, claimed);
      }
      String as = "tags claiming " + claimed + " articles";
      assertThat(pull(both, "-publishedAt", since, 2))
          .as(as)
          .containsExactly(updatedBoth, updatedOld);
      assertThat(pull(both, "publishedAt", since, 2))
          .as(as)
          .containsExactly(updatedOld, updatedBoth);
      assertThat(pull(both, "-likes", since, 2)).as(as).containsExactly(updatedOld, updatedBoth);
      assertThat(pull(List.of(first), "-likes", since, 1)).as(as).containsExactly(updatedBoth);
      assertThat(pull(List.of(second), "publishedAt", since, 2))
          .as(as)
          .containsExactly(updatedOld, updatedBoth);
      assertThat(pull(List.of(second), "-publishedAt", since, 2))
          .as(as)
          .containsExactly(updatedBoth, updatedOld);
      // Updated in the order updatedOld, updatedBoth, updatedElsewhere.
      assertThat(pull(both, "-updatedAt", since, 2))
          .as(as)
          .containsExactly(updatedBoth, updatedOld);
      assertThat(pull(List.of(first), "-updatedAt", since, 1)).as(as).containsExactly(updatedBoth);
    }
  }

  /** Every slug of the listing of {@code tags} in {@code sort}, two per page, by cursor. */
  private static List<String> pull(List<String> tags, String sort, int total) {
    return pull(tags, sort, null, total);
  }

  /** As {@link #pull(List, String, int)}, of the articles updated since {@code since}. */
  private static List<String> pull(List<String> tags, String sort, Instant since, int total) {
    return ArticlePages.allSlugs(
        request -> {
          request.queryParam("sort", sort);
          tags.forEach(tag -> request.queryParam("tag", tag));
          if (since != null) {
            request.queryParam("updatedSince", since.toString());
          }
        },
        total);
  }
}
