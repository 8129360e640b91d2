package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The database's two ways of listing a search's matches in an order the index does not keep ({@link
 * MatchesInOrder}): looking the ids up by key, and walking the order among them as a bit set. Both
 * must give the rows a filter of the whole order gives.
 */
@QuarkusTest
class MatchesAmongOrderTest {

  @Inject Fixtures fixtures;
  @Inject ArticleQueries queries;

  @Test
  void lookingUpAndWalkingAmongGiveTheOrdersRows() {
    Account author = fixtures.author();
    Instant start = Instant.now().minusSeconds(3_600);
    Map<Long, Integer> likes = new HashMap<>();
    Map<Long, Instant> updated = new HashMap<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String slug = fixtures.article(author).title("Article " + i).create();
      // Likes 0 to 5, each twice (ties ordered by id); updates in another order.
      fixtures.setCounters(slug, (i * 5) % 6, 0, 0, 0);
      Instant at = start.plusSeconds((i * 7) % 12);
      fixtures.setUpdatedAt(slug, at);
      long id = fixtures.articleId(slug);
      ids.add(id);
      likes.put(id, (i * 5) % 6);
      updated.put(id, at);
      if (i == 4) {
        fixtures.markDraft(slug);
      }
      if (i == 9) {
        fixtures.markDeleted(slug);
      }
    }
    // Among: every other article, the draft and the deleted one (neither listed), and an id no
    // article has. The articles between them are not among the ids.
    List<Long> live = new ArrayList<>();
    List<Long> among = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (i % 2 == 1 || i == 4 || i == 9) {
        among.add(ids.get(i));
        if (i != 4 && i != 9) {
          live.add(ids.get(i));
        }
      }
    }
    among.add(ids.get(ids.size() - 1) + 1_000_000);
    long[] amongIds = among.stream().mapToLong(Long::longValue).toArray();

    Comparator<Long> mostLiked =
        Comparator.comparing((Long id) -> likes.get(id)).thenComparing(id -> id).reversed();
    Comparator<Long> recentlyUpdated =
        Comparator.comparing((Long id) -> updated.get(id)).thenComparing(id -> id).reversed();
    check(ArticleSort.MOST_LIKED, amongIds, live.stream().sorted(mostLiked).toList());
    check(ArticleSort.RECENTLY_UPDATED, amongIds, live.stream().sorted(recentlyUpdated).toList());
  }

  private void check(ArticleSort sort, long[] among, List<Long> expected) {
    assertThat(expected).hasSize(5);
    List<ArticleQueries.SortPosition> whole = read(sort, among, Optional.empty(), 100, 0, true);
    assertThat(whole)
        .extracting(ArticleQueries.SortPosition::id)
        .containsExactlyElementsOf(expected);
    for (boolean byKey : new boolean[] {true, false}) {
      assertThat(read(sort, among, Optional.empty(), 100, 0, byKey))
          .as("%s", sort)
          .isEqualTo(whole);
      // After the second row, one skipped, two wanted: the fourth and fifth.
      assertThat(read(sort, among, Optional.of(whole.get(1)), 2, 1, byKey))
          .as("%s after a row, by key %s", sort, byKey)
          .isEqualTo(whole.subList(3, 5));
      assertThat(read(sort, among, Optional.of(whole.get(4)), 2, 0, byKey)).isEmpty();
    }
  }

  private List<ArticleQueries.SortPosition> read(
      ArticleSort sort,
      long[] among,
      Optional<ArticleQueries.SortPosition> after,
      int limit,
      int offset,
      boolean byKey) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                byKey
                    ? queries.inOrderAmong(sort, among, after, limit, offset)
                    : queries.alongOrderAmong(sort, among, after, limit, offset));
  }
}
