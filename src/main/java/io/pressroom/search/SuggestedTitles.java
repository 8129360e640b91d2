package io.pressroom.search;

import io.pressroom.article.ArticleSearch;
import java.io.IOException;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * The titles suggested for what a reader is typing, best match first, then newest: the order of
 * {@link SearchQueries#titles}, found without ranking every title it matches. While one word is
 * typed (the common case), a title with that word itself scores by it, and every other title that
 * has a word it begins scores the same ({@link SearchQueries#PREFIX_WEIGHT}), so that among those
 * only the newest count: two small searches, the titles with the word by relevance and the others
 * newest first, merged (the first only when some title has the word: mostly what is typed only
 * begins one, and then a look-up of the word replaces it). Ranking all the titles a one-letter word
 * begins was a scan of half the index per suggestion; the newest are the first the second search
 * meets, since the index keeps each segment newest first ({@link SearchIndex#INDEX_ORDER}), so it
 * stops after {@code limit} of them in each segment. (In the order articles were added, it looked
 * in growing spans of time back from now instead: every match it read was newer than the ones it
 * had.)
 */
final class SuggestedTitles {

  private static final Pattern ONE_WORD = Pattern.compile("[^\\s\"-]\\S*|-");
  private static final Comparator<SearchPage.Hit> BEST_THEN_NEWEST =
      Comparator.comparing(SearchPage.Hit::score)
          .thenComparing(SearchPage.Hit::published)
          .thenComparing(SearchPage.Hit::id)
          .reversed();

  private final SearchQueries queries;
  private final QueryBuilder words;

  SuggestedTitles(SearchQueries queries) {
    this.queries = queries;
    this.words = new QueryBuilder(queries.analyzer());
  }

  /** Up to {@code limit} public titles (published by {@code now}) for {@code text}, best first. */
  List<SearchPage.Hit> find(IndexSearcher searcher, String text, Instant now, int limit)
      throws IOException {
    SearchQueries.Terms titleWords = IndexTerms.titleWords(searcher.getIndexReader());
    Query all = queries.titles(text, titleWords);
    if (all == null) {
      return List.of();
    }
    String word = text.strip();
    String typed = SearchQueries.prefixText(word);
    if (!ONE_WORD.matcher(word).matches() || typed.isEmpty()) {
      return page(searcher, all, now, true, limit);
    }
    String stem = queries.beginning(typed, titleWords);
    Query itself = words.createBooleanQuery(SearchFields.TITLE, word, Occur.MUST);
    if (itself instanceof TermQuery term
        && searcher.getIndexReader().docFreq(term.getTerm()) == 0) {
      // What is typed mostly only begins a word, which no title has itself: one look-up of it
      // instead of a search by relevance that finds nothing and a clause that excludes nothing.
      itself = null;
    }
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
    for (SearchPage.Hit hit : page(searcher, others, now, false, limit)) {
      found.add(
          new SearchPage.Hit(hit.id(), SearchQueries.PREFIX_WEIGHT, hit.published(), hit.doc()));
    }
    found.sort(BEST_THEN_NEWEST);
    return found.size() > limit ? found.subList(0, limit) : found;
  }

  private static List<SearchPage.Hit> page(
      IndexSearcher searcher, Query query, Instant now, boolean byRelevance, int limit)
      throws IOException {
    ArticleSearch.Order order =
        byRelevance ? ArticleSearch.Order.RELEVANCE : ArticleSearch.Order.NEWEST;
    return SearchPage.find(
            searcher, query, SearchPage.Filters.none(now), order, Optional.empty(), 0, limit, false)
        .hits();
  }
}
