package io.pressroom.search;

import io.pressroom.article.ArticleSearch;
import io.pressroom.db.Timestamps;
import io.pressroom.web.CursorCodec;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TotalHits;

/**
 * One page of a search in the index: the query with its filters, ordered by relevance (ties by
 * newest, then id), newest or oldest first, after a keyset cursor. Matches are counted exactly up
 * to {@link #EXACT_TOTAL_UP_TO}; past that, counting every match would cost as much as the search,
 * so the total is that bound, a lower bound, as Lucene's own {@link
 * TotalHits.Relation#GREATER_THAN_OR_EQUAL_TO}.
 */
final class SearchPage {

  /**
   * Totals up to this are exact; past it the total is this bound, marked as a lower bound. Until
   * this many matches are found, every match is scored and ranked; only then may the search skip
   * blocks of articles that cannot reach the page, so the lower the bound, the cheaper a common
   * word.
   *
   * <p>It is not scaled into an estimate of every match: scaling by how far into the index the
   * bound was reached assumes matches spread evenly over it, and the index is ordered newest first,
   * where a word of this week's news, or a filter such as {@code updatedSince}, puts every match at
   * its start: 100 matches of 120 read as most of the index.
   */
  static final int EXACT_TOTAL_UP_TO = 100;

  static final Sort BY_RELEVANCE =
      new Sort(SortField.FIELD_SCORE, newest(SearchFields.PUBLISHED), newest(SearchFields.ID));

  /**
   * Newest first, and the order of the index's documents in each segment ({@link
   * SearchIndex#INDEX_ORDER}): a page in this order stops reading a segment once it has its hits.
   */
  static final Sort BY_NEWEST = new Sort(newest(SearchFields.PUBLISHED), newest(SearchFields.ID));

  private static final Sort BY_OLDEST =
      new Sort(oldest(SearchFields.PUBLISHED), oldest(SearchFields.ID));

  private SearchPage() {}

  /** What the filters of the listing keep, as ids and instants. */
  record Filters(
      List<Long> tagIds,
      Optional<Long> authorId,
      Optional<Instant> publishedAfter,
      Optional<Instant> publishedBefore,
      Optional<Instant> updatedSince,
      Instant now) {

    /** No filter: every article published by {@code now}. */
    static Filters none(Instant now) {
      return new Filters(
          List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now);
    }
  }

  /** How many keys a cursor of {@code order} has ({@link Hit#cursorKeys}). */
  static int cursorKeyCount(ArticleSearch.Order order) {
    return order == ArticleSearch.Order.RELEVANCE ? 3 : 2;
  }

  /** Where the previous page ended: score (its float bits), publication (micros) and id. */
  record After(float score, long published, long id) {
    /**
     * The position of a cursor of {@code order}, or of a newest-first cursor of the kind it had
     * before ({@link ArticleSearch.Order#OLD_NEWEST_CURSOR_KIND}: keys as by relevance, of which
     * the score is not needed).
     */
    static After of(ArticleSearch.Order order, CursorCodec.Position position) {
      boolean databaseKeys =
          order != ArticleSearch.Order.RELEVANCE
              && !position.sort().equals(ArticleSearch.Order.OLD_NEWEST_CURSOR_KIND);
      try {
        if (databaseKeys) {
          return new After(
              Float.NaN,
              SearchFields.micros(Timestamps.parse(position.text(0))),
              Long.parseLong(position.text(1)));
        }
        return new After(
            Float.intBitsToFloat(Integer.parseInt(position.text(0))),
            Long.parseLong(position.text(1)),
            Long.parseLong(position.text(2)));
      } catch (NumberFormatException | DateTimeParseException e) {
        throw CursorCodec.invalid();
      }
    }
  }

  /** A match, with its document number in the searcher that found it (for its snippet). */
  record Hit(long id, float score, long published, int doc) {
    /**
     * The cursor after this hit: score bits, publication micros and id by relevance; newest or
     * oldest first, the database's keys for that listing instead (the publication instant as text,
     * which PostgreSQL reads, and the id).
     */
    List<String> cursorKeys(ArticleSearch.Order order) {
      if (order != ArticleSearch.Order.RELEVANCE) {
        return List.of(
            Instant.EPOCH.plus(published, ChronoUnit.MICROS).toString(), Long.toString(id));
      }
      return List.of(
          Integer.toString(Float.floatToIntBits(score)),
          Long.toString(published),
          Long.toString(id));
    }
  }

  record Hits(List<Hit> hits, long total, boolean totalIsLowerBound) {
    List<Long> ids() {
      return hits.stream().map(Hit::id).toList();
    }
  }

  /**
   * The page in {@code searcher}, which the caller holds (acquired from the index) until it has cut
   * the snippets of the hits it shows: only those, not the one fetched past the page to tell
   * whether a next page exists, nor the ones the database says are no longer public. {@code
   * counted} false when nobody reads the total (suggestions): the ranking then skips what cannot
   * reach the page as soon as the page is full, rather than after the first {@value
   * #EXACT_TOTAL_UP_TO} matches, and the total says nothing.
   */
  static Hits find(
      IndexSearcher searcher,
      Query words,
      Filters filters,
      ArticleSearch.Order order,
      Optional<After> after,
      int offset,
      int size,
      boolean counted)
      throws IOException {
    Query query = withFilters(words, filters, searcher.getIndexReader());
    boolean byRelevance = order == ArticleSearch.Order.RELEVANCE;
    Sort sort =
        switch (order) {
          case RELEVANCE -> BY_RELEVANCE;
          case NEWEST -> BY_NEWEST;
          case OLDEST -> BY_OLDEST;
        };
    FieldDoc afterDoc =
        after
            .map(
                a ->
                    byRelevance
                        ? new FieldDoc(
                            Integer.MAX_VALUE,
                            a.score(),
                            new Object[] {a.score(), a.published(), a.id()})
                        : new FieldDoc(
                            Integer.MAX_VALUE, Float.NaN, new Object[] {a.published(), a.id()}))
            .orElse(null);
    // Lucene counts at least as far as the page reaches, whatever the bound.
    int exactUpTo = counted ? Math.max(EXACT_TOTAL_UP_TO, offset + size) : offset + size;
    TopDocs docs =
        byRelevance
            ? BoostedFirst.page(
                searcher,
                words,
                w -> withFilters(w, filters, searcher.getIndexReader()),
                sort,
                afterDoc,
                offset + size)
            : null;
    boolean atLeast;
    long seen;
    if (docs != null) {
      BoostedFirst.CountTo count = new BoostedFirst.CountTo(exactUpTo);
      searcher.search(query, count);
      atLeast = count.pastBound();
      seen = count.seen();
    } else {
      TopFieldCollector top = TopFieldCollector.create(sort, offset + size, afterDoc, exactUpTo);
      searcher.search(query, top);
      docs = top.topDocs();
      atLeast = docs.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
      seen = docs.totalHits.value;
    }
    // Past the bound both have counted more than it, how many more depending on when each stopped:
    // the bound itself is the same answer for the same matches.
    long total = atLeast ? exactUpTo : seen;
    List<Hit> hits = new ArrayList<>();
    ScoreDoc[] scoreDocs = docs.scoreDocs;
    for (int i = offset; i < scoreDocs.length; i++) {
      Object[] fields = ((FieldDoc) scoreDocs[i]).fields;
      int first = byRelevance ? 1 : 0;
      float score = byRelevance ? (Float) fields[0] : 0f;
      hits.add(new Hit((Long) fields[first + 1], score, (Long) fields[first], scoreDocs[i].doc));
    }
    return new Hits(hits, total, atLeast);
  }

  static Query withFilters(Query words, Filters filters, IndexReader reader) throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
    long lowest =
        filters.publishedAfter().map(at -> SearchFields.micros(at) + 1).orElse(Long.MIN_VALUE);
    long highest = SearchFields.micros(filters.now());
    if (filters.publishedBefore().isPresent()) {
      highest = Math.min(highest, SearchFields.micros(filters.publishedBefore().get()) - 1);
    }
    if (!keepsAll(reader, lowest, highest)) {
      query.add(LongField.newRangeQuery(SearchFields.PUBLISHED, lowest, highest), Occur.FILTER);
    }
    filters
        .updatedSince()
        .ifPresent(
            at ->
                query.add(
                    LongField.newRangeQuery(
                        SearchFields.UPDATED, SearchFields.micros(at), Long.MAX_VALUE),
                    Occur.FILTER));
    if (!filters.tagIds().isEmpty()) {
      query.add(
          LongField.newSetQuery(
              SearchFields.TAG, filters.tagIds().stream().mapToLong(Long::longValue).toArray()),
          Occur.FILTER);
    }
    filters
        .authorId()
        .ifPresent(id -> query.add(LongField.newExactQuery(SearchFields.AUTHOR, id), Occur.FILTER));
    return query.build();
  }

  /**
   * Whether every article of the index was published within [lowest, highest]: then the range
   * filters nothing out. It is left out because it is not free: next to a query of few matches
   * Lucene checks the range against each match's doc values (a twentieth of a phrase search), even
   * though the usual range ("published by now") holds for every article but those scheduled.
   */
  private static boolean keepsAll(IndexReader reader, long lowest, long highest)
      throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      PointValues points = leaf.reader().getPointValues(SearchFields.PUBLISHED);
      if (points == null) {
        if (leaf.reader().maxDoc() > 0) {
          return false;
        }
        continue;
      }
      if (points.getDocCount() != leaf.reader().maxDoc()
          || LongPoint.decodeDimension(points.getMinPackedValue(), 0) < lowest
          || LongPoint.decodeDimension(points.getMaxPackedValue(), 0) > highest) {
        return false;
      }
    }
    return true;
  }

  private static SortField newest(String field) {
    return LongField.newSortField(field, true, SortedNumericSelector.Type.MAX);
  }

  private static SortField oldest(String field) {
    return LongField.newSortField(field, false, SortedNumericSelector.Type.MIN);
  }
}
