package io.pressroom.article;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A search engine that can answer a reader's search instead of PostgreSQL's full-text search (the
 * search package's index). Empty when it cannot answer this one (not caught up yet, or switched
 * off): the listing then runs the search in PostgreSQL, which is always correct, only slower.
 */
public interface ArticleSearch {

  /** The orders the engine ranks its matches in itself, and the kind of their cursors. */
  enum Order {
    RELEVANCE("search-relevance"),
    /**
     * Newest first. Its cursor is the database's for the same listing (the publication instant's
     * text and the id), so paging goes on whichever of the two answers the next page; the cursors
     * it issued before ({@link #OLD_NEWEST_CURSOR_KIND}) are still read.
     */
    NEWEST(ArticleSort.NEWEST.parameter()),
    /** Oldest first, with the database's cursor as newest first. */
    OLDEST(ArticleSort.OLDEST.parameter());

    /**
     * The kind of the cursors newest first issued while it had its own (the score's bits, the
     * publication in microseconds and the id), which readers may still hold.
     */
    public static final String OLD_NEWEST_CURSOR_KIND = "search-newest";

    private final String cursorKind;

    Order(String cursorKind) {
      this.cursorKind = cursorKind;
    }

    public String cursorKind() {
      return cursorKind;
    }
  }

  /**
   * The page of results in {@code order} as it is sent (JSON of {@link ArticlePage}) and the ids it
   * looked at.
   */
  Optional<Shown<ListedPage>> search(ArticleSearchRequest request, Order order);

  /**
   * Every match of the request's words and filters (its page is not read), for the listing to order
   * in the database; to be closed once its highlights are cut. Empty when the engine cannot answer,
   * as for {@link #search}.
   */
  Optional<SearchMatches> matches(ArticleSearchRequest request);

  /**
   * The summaries (JSON, counters included) of those of these matches that readers may see now, by
   * id, for a page of {@link #matches}: read with {@link ArticleService#publicSummaryJson}, of
   * which the engine may already hold the kept part.
   */
  Map<Long, byte[]> publicSummaries(List<Long> ids);

  /**
   * The highlights of these articles for a search of {@code query} that PostgreSQL answered, in
   * their order, marked as the engine marks its own answers (this does not need its index).
   */
  List<SearchHighlight> highlights(String query, List<Text> texts);

  /** What a highlight is cut from: an article's title, summary and body (Markdown). */
  record Text(String title, String summary, String body) {}
}
