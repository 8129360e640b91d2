package io.pressroom.search;

import io.pressroom.article.ArticleSearch;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * The titles suggested for what a reader is typing, best match first, then newest: the order of
 * {@link SearchQueries#titles}, found without ranking every title it matches. While one word is
 * typed (the common case), a title with that word itself scores by it, and every other title that
 * has a word it begins scores the same ({@link SearchQueries#PREFIX_WEIGHT}), so that among those
 * only the newest count: two small searches, the titles with the word by relevance and the others
 * newest first (looked for in growing spans of time back from now), merged. Ranking all the titles
 * a one-letter word begins was a scan of half the index per suggestion.
 */
final class SuggestedTitles {

  private static final Pattern ONE_WORD = Pattern.compile("[^\\s\"-]\\S*|-");
  private static final Comparator<SearchPage.Hit> BEST_THEN_NEWEST =
      Comparator.comparing(SearchPage.Hit::score)
          .thenComparing(SearchPage.Hit::published)
          .thenComparing(SearchPage.Hit::id)
          .reversed();

  private static final Duration FIRST_SPAN = Duration.ofDays(1);
  private static final Duration LONGEST_SPAN = Duration.ofDays(365L * 20);

  private final SearchQueries queries;
  private final QueryBuilder words;

  SuggestedTitles(SearchQueries queries) {
    this.queries = queries;
    this.words = new QueryBuilder(queries.analyzer());
  }

  /** Up to {@code limit} public titles (published by {@code now}) for {@code text}, best first. */
  List<SearchPage.Hit> find(IndexSearcher searcher, String text, Instant now, int limit)
      throws IOException {
    Query all = queries.titles(text);
    if (all == null) {
      return List.of();
    }
    String word = text.strip();
    String stem = SearchQueries.prefixText(word);
    if (!ONE_WORD.matcher(word).matches() || stem.isEmpty()) {
      return page(searcher, all, now, true, limit);
    }
    Query itself = words.createBooleanQuery(SearchFields.TITLE, word, Occur.MUST);
    List<SearchPage.Hit> found = new ArrayList<>();
    Query others = SearchQueries.titleBeginning(stem);
    if (itself != null) {
      found.addAll(
          page(
              searcher,
              new BooleanQuery.Builder().add(all, Occur.MUST).add(itself, Occur.FILTER).build(),
              now,
              true,
              limit));
      others =
          new BooleanQuery.Builder().add(others, Occur.FILTER).add(itself, Occur.MUST_NOT).build();
    }
    for (SearchPage.Hit hit : newest(searcher, others, now, limit)) {
      found.add(
          new SearchPage.Hit(hit.id(), SearchQueries.PREFIX_WEIGHT, hit.published(), hit.doc()));
    }
    found.sort(BEST_THEN_NEWEST);
    return found.size() > limit ? found.subList(0, limit) : found;
  }

  /**
   * The newest {@code limit} articles of {@code query}, looked for in the last day first, then in
   * spans eight times as long, then everywhere: ordering every match newest first would read all of
   * them (the index holds older articles first, so each one read would be newer than those kept),
   * while a span of time is a narrow range of the publication points that leads the search. The
   * newest of a span that has {@code limit} of them are the newest of all.
   */
  private static List<SearchPage.Hit> newest(
      IndexSearcher searcher, Query query, Instant now, int limit) throws IOException {
    for (Duration span = FIRST_SPAN;
        span.compareTo(LONGEST_SPAN) <= 0;
        span = span.multipliedBy(8)) {
      List<SearchPage.Hit> hits =
          page(searcher, query, Optional.of(now.minus(span)), now, false, limit);
      if (hits.size() >= limit) {
        return hits;
      }
    }
    return page(searcher, query, Optional.empty(), now, false, limit);
  }

  private static List<SearchPage.Hit> page(
      IndexSearcher searcher, Query query, Instant now, boolean byRelevance, int limit)
      throws IOException {
    return page(searcher, query, Optional.empty(), now, byRelevance, limit);
  }

  private static List<SearchPage.Hit> page(
      IndexSearcher searcher,
      Query query,
      Optional<Instant> after,
      Instant now,
      boolean byRelevance,
      int limit)
      throws IOException {
    SearchPage.Filters filters =
        new SearchPage.Filters(
            List.of(), Optional.empty(), after, Optional.empty(), Optional.empty(), now);
    ArticleSearch.Order order =
        byRelevance ? ArticleSearch.Order.RELEVANCE : ArticleSearch.Order.NEWEST;
    return SearchPage.find(searcher, query, filters, order, Optional.empty(), 0, limit, false)
        .hits();
  }
}
