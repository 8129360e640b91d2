package io.pressroom.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;

/**
 * Every article a query matches, for the orders the index does not keep, where the database orders
 * and the index only says what matches: the matching documents as a bit set, collected without
 * scores or any per-match read (reading every match's id took a third of the application's time of
 * such a search on a common word, and sorting them another eighth). An article's id is read only
 * when asked: whether the rows a walk of the database's order brings match is one look-up of their
 * ids in the index; all the ids are read only to look up matches that are few.
 */
final class AllMatches {

  /** Up to this many matches, {@link #ids} remembers each one's document for its highlight. */
  private static final int REMEMBERED = 10_000;

  private final IndexSearcher searcher;
  private final FixedBitSet docs;
  private final int count;

  /** The documents of the matched articles whose ids were read so far. */
  private final Map<Long, Integer> docsById = new HashMap<>();

  private AllMatches(IndexSearcher searcher, FixedBitSet docs, int count) {
    this.searcher = searcher;
    this.docs = docs;
    this.count = count;
  }

  static AllMatches none(IndexSearcher searcher) {
    return new AllMatches(searcher, new FixedBitSet(1), 0);
  }

  static AllMatches of(IndexSearcher searcher, Query query) throws IOException {
    FixedBitSet docs = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
    searcher.search(
        query,
        new SimpleCollector() {
          private int base;

          @Override
          protected void doSetNextReader(LeafReaderContext context) {
            base = context.docBase;
          }

          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) {
            docs.set(base + doc);
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    return new AllMatches(searcher, docs, docs.cardinality());
  }

  int count() {
    return count;
  }

  /** Every matched article's id (one doc-values read each). */
  long[] ids() throws IOException {
    long[] ids = new long[count];
    int size = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      SortedNumericDocValues values = DocValues.getSortedNumeric(leaf.reader(), SearchFields.ID);
      int end = leaf.docBase + leaf.reader().maxDoc();
      for (int doc = nextMatch(leaf.docBase, end); doc < end; doc = nextMatch(doc + 1, end)) {
        if (values.advanceExact(doc - leaf.docBase)) {
          long id = values.nextValue();
          ids[size++] = id;
          if (count <= REMEMBERED) {
            docsById.put(id, doc);
          }
        }
      }
    }
    return Arrays.copyOf(ids, size);
  }

  /** Which of these articles match, by finding their documents through the index's ids. */
  boolean[] match(long[] ids) throws IOException {
    boolean[] matched = new boolean[ids.length];
    if (ids.length == 0 || count == 0) {
      return matched;
    }
    Map<Long, Integer> found = new HashMap<>();
    searcher.search(
        LongField.newSetQuery(SearchFields.ID, ids),
        new SimpleCollector() {
          private int base;
          private SortedNumericDocValues values;

          @Override
          protected void doSetNextReader(LeafReaderContext context) throws IOException {
            base = context.docBase;
            values = DocValues.getSortedNumeric(context.reader(), SearchFields.ID);
          }

          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) throws IOException {
            if (docs.get(base + doc) && values.advanceExact(doc)) {
              found.put(values.nextValue(), base + doc);
            }
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    for (int i = 0; i < ids.length; i++) {
      matched[i] = found.containsKey(ids[i]);
    }
    docsById.putAll(found);
    return matched;
  }

  /** The documents of these matched articles, whose ids {@link #match} or {@link #ids} read. */
  int[] docs(List<Long> ids) throws IOException {
    List<Long> unknown = ids.stream().filter(id -> !docsById.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      match(unknown.stream().mapToLong(Long::longValue).toArray());
    }
    return ids.stream().mapToInt(docsById::get).toArray();
  }

  private int nextMatch(int from, int end) {
    return from >= end ? end : Math.min(docs.nextSetBit(from, end), end);
  }
}
