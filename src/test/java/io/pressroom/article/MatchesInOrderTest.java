package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MatchesInOrderTest {

  /**
   * An order of {@code size} articles, most liked first: article i has key size - i (so ids ascend
   * as keys descend), counting what each way of reading it costs.
   */
  private static final class CountedOrder implements MatchesInOrder.Order {

    final List<ArticleQueries.SortPosition> rows = new ArrayList<>();
    int walks;
    int rowsWalked;
    int lookUps;
    int idsLookedUp;
    int walksAmong;

    CountedOrder(int size) {
      for (int i = 1; i <= size; i++) {
        rows.add(new ArticleQueries.SortPosition(Integer.toString(size - i), i));
      }
    }

    private int start(Optional<ArticleQueries.SortPosition> after) {
      return after.map(a -> (int) a.id()).orElse(0);
    }

    @Override
    public List<ArticleQueries.SortPosition> walk(
        Optional<ArticleQueries.SortPosition> after, int limit) {
      walks++;
      int from = start(after);
      List<ArticleQueries.SortPosition> read =
          rows.subList(Math.min(from, rows.size()), Math.min(from + limit, rows.size()));
      rowsWalked += read.size();
      return List.copyOf(read);
    }

    @Override
    public List<ArticleQueries.SortPosition> lookUp(
        long[] ids, Optional<ArticleQueries.SortPosition> after, int limit, int offset) {
      lookUps++;
      idsLookedUp += ids.length;
      return expected(ids, after, offset, limit);
    }

    @Override
    public List<ArticleQueries.SortPosition> walkAmong(
        long[] ids, Optional<ArticleQueries.SortPosition> after, int limit, int offset) {
      walksAmong++;
      return expected(ids, after, offset, limit);
    }

    List<ArticleQueries.SortPosition> expected(
        long[] ids, Optional<ArticleQueries.SortPosition> after, int offset, int wanted) {
      return rows.subList(start(after), rows.size()).stream()
          .filter(row -> Arrays.binarySearch(ids, row.id()) >= 0)
          .skip(offset)
          .limit(wanted)
          .toList();
    }
  }

  /** Matches over {@code ids} (ascending), counting how often every id was read. */
  private static final class FakeMatches implements SearchMatches {

    final long[] ids;
    final long searched;
    int allIdsRead;

    FakeMatches(long[] ids, long searched) {
      this.ids = ids;
      this.searched = searched;
    }

    @Override
    public long count() {
      return ids.length;
    }

    @Override
    public long searched() {
      return searched;
    }

    @Override
    public long[] ids() {
      allIdsRead++;
      return ids.clone();
    }

    @Override
    public boolean[] match(long[] candidates) {
      boolean[] matched = new boolean[candidates.length];
      for (int i = 0; i < candidates.length; i++) {
        matched[i] = Arrays.binarySearch(ids, candidates[i]) >= 0;
      }
      return matched;
    }

    @Override
    public List<SearchHighlight> highlights(List<Long> shown) {
      return List.of();
    }

    @Override
    public void close() {}
  }

  private static long[] everyNth(int size, int n) {
    return LongStream.rangeClosed(1, size).filter(id -> id % n == 0).toArray();
  }

  @Test
  void aCommonWordWalksTheOrderInOneStatement() {
    CountedOrder order = new CountedOrder(100_000);
    long[] ids = everyNth(100_000, 3);

    FakeMatches matches = new FakeMatches(ids, 100_000);
    List<ArticleQueries.SortPosition> found =
        MatchesInOrder.first(order, matches, Optional.empty(), 0, 21);

    assertThat(found).isEqualTo(order.expected(ids, Optional.empty(), 0, 21));
    assertThat(matches.allIdsRead).isZero();
    assertThat(order.walks).isEqualTo(1);
    assertThat(order.lookUps + order.walksAmong).isZero();
    assertThat(order.rowsWalked).isLessThan(200);
  }

  @Test
  void aRareWordLooksItsMatchesUp() {
    CountedOrder order = new CountedOrder(100_000);
    long[] ids = everyNth(100_000, 5_000);

    List<ArticleQueries.SortPosition> found =
        MatchesInOrder.first(order, new FakeMatches(ids, 100_000), Optional.empty(), 0, 21);

    assertThat(found).hasSize(20).isEqualTo(order.expected(ids, Optional.empty(), 0, 21));
    assertThat(order.walks + order.walksAmong).isZero();
    assertThat(order.lookUps).isEqualTo(1);
  }

  @Test
  void aPhraseHasTheDatabaseWalkTheOrderAmongItsMatches() {
    CountedOrder order = new CountedOrder(100_000);
    // 1,818 matches: a walk in the application would read about 1,200 rows, a look-up by key
    // would look up every match.
    long[] ids = everyNth(100_000, 55);

    List<ArticleQueries.SortPosition> found =
        MatchesInOrder.first(order, new FakeMatches(ids, 100_000), Optional.empty(), 0, 21);

    assertThat(found).isEqualTo(order.expected(ids, Optional.empty(), 0, 21));
    assertThat(order.walks + order.lookUps).isZero();
    assertThat(order.walksAmong).isEqualTo(1);
  }

  @Test
  void matchesBunchedAtTheEndOfTheOrderAreWalkedAmongOnceTheWalkHasReadAsManyRows() {
    CountedOrder order = new CountedOrder(100_000);
    // A third of the articles match, all of them the least liked: the estimate says walk.
    long[] ids = LongStream.rangeClosed(66_668, 100_000).toArray();

    List<ArticleQueries.SortPosition> found =
        MatchesInOrder.first(order, new FakeMatches(ids, 100_000), Optional.empty(), 0, 21);

    assertThat(found).isEqualTo(order.expected(ids, Optional.empty(), 0, 21));
    assertThat(order.rowsWalked).isLessThanOrEqualTo(ids.length + MatchesInOrder.MAX_WALK);
    assertThat(order.walksAmong).isEqualTo(1);
    assertThat(order.lookUps).isZero();
  }

  @Test
  void everyWayAgreesWithFilteringTheWholeOrder() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int size = 1 + random.nextInt(3_000);
      CountedOrder order = new CountedOrder(size);
      double share = Math.pow(10, -3 * random.nextDouble());
      boolean bunched = random.nextBoolean();
      long[] ids =
          LongStream.rangeClosed(1, size)
              .filter(id -> bunched ? id > size * (1 - share) : random.nextDouble() < share)
              .toArray();
      Optional<ArticleQueries.SortPosition> after =
          random.nextBoolean()
              ? Optional.empty()
              : Optional.of(order.rows.get(random.nextInt(size)));
      int offset = random.nextBoolean() ? 0 : random.nextInt(50);
      int wanted = 1 + random.nextInt(101);

      assertThat(MatchesInOrder.first(order, new FakeMatches(ids, size), after, offset, wanted))
          .as("round %d", round)
          .isEqualTo(order.expected(ids, after, offset, wanted));
    }
  }

  @Test
  void noMatchesReadNothing() {
    CountedOrder order = new CountedOrder(100);

    assertThat(
            MatchesInOrder.first(order, new FakeMatches(new long[0], 100), Optional.empty(), 0, 21))
        .isEmpty();
    assertThat(order.walks + order.lookUps + order.walksAmong).isZero();
  }
}
