package io.pressroom.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first matches of a search in an order the search engine does not keep (most liked, best
 * rated, most discussed, recently updated): the engine knows which articles match, the database
 * knows the order, and the matches are found either way round.
 *
 * <ul>
 *   <li><b>Walking the order</b> (its index, a key and an id a row) and keeping the matches reads
 *       about wanted × articles ÷ matches rows: few for a common word.
 *   <li><b>Walking the order among the matches</b> sends their ids to PostgreSQL, which walks the
 *       order's index itself and keeps the rows of those ids: as many rows, each far cheaper than a
 *       row sent to the application, but every match's id read and sent.
 *   <li><b>Looking the matches up</b> by key and sorting them: cheapest for a rare word.
 * </ul>
 *
 * The cheapest is taken by that estimate. Matches are not spread evenly along every order (a word
 * of this week's news sits among the least liked articles), so a walk that has read as many rows as
 * there are matches without filling the page hands the rest to PostgreSQL: about twice the cheaper
 * way at worst.
 */
final class MatchesInOrder {

  /** The fewest rows a walk reads in one statement: a round trip costs more than a few rows. */
  static final int MIN_WALK = 64;

  /** The most rows a walk reads in one statement (ids and keys, tens of bytes each). */
  static final int MAX_WALK = 10_000;

  /**
   * What a row of a walk costs against an id handed to PostgreSQL: the walk sends the row to the
   * application, which looks its id up in the search index, and reads twice the rows it expects to
   * need; handing the ids over reads each match's id from the index, and PostgreSQL walks or looks
   * up itself ({@link #among}). Chosen by measuring the benchmark's words in these orders at
   * 100,000 articles: two words of 2,862 and 3,418 matches, walked in the application at 3, 833 and
   * 808 req/s (PostgreSQL 0.92 ms a search), walked among by PostgreSQL at 10, 1,020 and 1,365
   * (0.57 and 0.46 ms); common words (a third of the articles) are walked either way.
   */
  static final int ROW_WALKED_PER_ID_LOOKED_UP = 10;

  /**
   * What an id looked up by key costs PostgreSQL against a row of the order's index it walks among
   * ids: about 3 µs against 0.15 µs at 100,000 articles (most liked first, 10 to 1,780 ids of a
   * phrase's matches, each way).
   */
  static final int ROWS_WALKED_AMONG_PER_ID_BY_KEY = 20;

  /** An order of the database, read either way. */
  interface Order {

    /** Up to {@code limit} rows of the order after {@code after} (from its start if empty). */
    List<ArticleQueries.SortPosition> walk(Optional<ArticleQueries.SortPosition> after, int limit);

    /**
     * Of {@code ids}, the rows after {@code after} in the order, {@code offset} skipped: each id
     * looked up by key, then sorted.
     */
    List<ArticleQueries.SortPosition> lookUp(
        long[] ids, Optional<ArticleQueries.SortPosition> after, int limit, int offset);

    /** As {@link #lookUp}, by walking the order and keeping the rows of {@code ids}. */
    List<ArticleQueries.SortPosition> walkAmong(
        long[] ids, Optional<ArticleQueries.SortPosition> after, int limit, int offset);
  }

  private MatchesInOrder() {}

  /**
   * The {@code wanted} {@code matches} after {@code after}, {@code offset} of them skipped, in
   * {@code order}.
   */
  static List<ArticleQueries.SortPosition> first(
      Order order,
      SearchMatches matches,
      Optional<ArticleQueries.SortPosition> after,
      int offset,
      int wanted) {
    long count = matches.count();
    if (count == 0) {
      return List.of();
    }
    double rowsToWalk = (double) (offset + wanted) * Math.max(matches.searched(), count) / count;
    if (count <= ROW_WALKED_PER_ID_LOOKED_UP * rowsToWalk) {
      return among(order, matches.ids(), rowsToWalk, after, wanted, offset);
    }
    List<ArticleQueries.SortPosition> found = new ArrayList<>(wanted);
    int skipped = 0;
    long read = 0;
    int chunk = (int) Math.min(MAX_WALK, Math.max(MIN_WALK, Math.ceil(2 * rowsToWalk)));
    Optional<ArticleQueries.SortPosition> at = after;
    while (true) {
      List<ArticleQueries.SortPosition> rows = order.walk(at, chunk);
      boolean[] matched =
          matches.match(rows.stream().mapToLong(ArticleQueries.SortPosition::id).toArray());
      for (int i = 0; i < rows.size(); i++) {
        if (!matched[i]) {
          continue;
        }
        if (skipped < offset) {
          skipped++;
          continue;
        }
        found.add(rows.get(i));
        if (found.size() == wanted) {
          return found;
        }
      }
      if (rows.size() < chunk) {
        return found;
      }
      read += rows.size();
      at = Optional.of(rows.get(rows.size() - 1));
      if (read >= count) {
        int left = wanted - found.size();
        int leftToSkip = offset - skipped;
        double leftToWalk =
            (double) (leftToSkip + left) * Math.max(matches.searched(), count) / count;
        found.addAll(among(order, matches.ids(), leftToWalk, at, left, leftToSkip));
        return found;
      }
      chunk = Math.min(MAX_WALK, chunk * 2);
    }
  }

  /**
   * The rows of {@code ids} in the order, looked up by key or walked among, whichever is cheaper.
   */
  private static List<ArticleQueries.SortPosition> among(
      Order order,
      long[] ids,
      double rowsToWalk,
      Optional<ArticleQueries.SortPosition> after,
      int wanted,
      int offset) {
    return (double) ids.length * ROWS_WALKED_AMONG_PER_ID_BY_KEY <= rowsToWalk
        ? order.lookUp(ids, after, wanted, offset)
        : order.walkAmong(ids, after, wanted, offset);
  }
}
