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
 *   <li><b>Looking the matches up</b> sends their ids to PostgreSQL, which meets them along the
 *       order's index (or looks a few up by key): cheap for a rare word.
 * </ul>
 *
 * The cheaper is taken by that estimate. Matches are not spread evenly along every order (a word of
 * this week's news sits among the least liked articles), so a walk that has read as many rows as
 * there are matches without filling the page looks the rest up: about twice the cheaper way at
 * worst.
 */
final class MatchesInOrder {

  /** The fewest rows a walk reads in one statement: a round trip costs more than a few rows. */
  static final int MIN_WALK = 64;

  /** The most rows a walk reads in one statement (ids and keys, tens of bytes each). */
  static final int MAX_WALK = 10_000;

  /**
   * What a row of a walk costs against an id looked up: the walk sends the row to the application,
   * which looks its id up in the search index, while PostgreSQL checks looked-up ids against the
   * order's index itself (1,800 of 100,000 in about a millisecond alone). Chosen by measuring the
   * searches of the benchmark's words in these orders at 100,000 articles: 1 (walk more) and 10
   * (look up more) each halved the throughput of phrases or of several words against 3.
   */
  static final int ROW_WALKED_PER_ID_LOOKED_UP = 3;

  /** An order of the database, read either way. */
  interface Order {

    /** Up to {@code limit} rows of the order after {@code after} (from its start if empty). */
    List<ArticleQueries.SortPosition> walk(Optional<ArticleQueries.SortPosition> after, int limit);

    /** Of {@code ids}, the rows after {@code after} in the order, {@code offset} skipped. */
    List<ArticleQueries.SortPosition> lookUp(
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
      return order.lookUp(matches.ids(), after, wanted, offset);
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
        found.addAll(order.lookUp(matches.ids(), at, wanted - found.size(), offset - skipped));
        return found;
      }
      chunk = Math.min(MAX_WALK, chunk * 2);
    }
  }
}
