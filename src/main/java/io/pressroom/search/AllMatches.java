package io.pressroom.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
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

  /**
   * Up to this many matches, the documents of a page's articles are found among the ids {@link
   * #ids} read (a scan of them); past it, through the index's ids ({@link #match}).
   */
  private static final int SCANNED = 10_000;

  private final IndexSearcher searcher;
  private final FixedBitSet docs;
  private final int count;

  /** The documents of the matched articles {@link #match} found. */
  private final Map<Long, Integer> docsById = new HashMap<>();

  /**
   * What {@link #ids} read, in document order: each match's id and its document (null before). Kept
   * as two arrays, not a map by id: putting every match in a {@code HashMap} took a seventh of a
   * most-liked search's time, for the twenty a page then looks up.
   */
  private long[] readIds;

  private int[] readDocs;

  private AllMatches(IndexSearcher searcher, FixedBitSet docs, int count) {
    this.searcher = searcher;
    this.docs = docs;
    this.count = count;
  }

  static AllMatches none(IndexSearcher searcher) {
    return new AllMatches(searcher, new FixedBitSet(1), 0);
  }

  /**
   * Every match of {@code query}. A query the searcher's cache keeps (one asked for again and
   * again, as the bit set of its matches in each segment) is copied 64 articles at a time: handing
   * its matches one by one to a collector, as Lucene's bulk scorer does, was a third of the time of
   * a most-liked search for a common word. Segments with deleted articles, and queries not kept, go
   * through the collector, which skips the deleted ones.
   */
  static AllMatches of(IndexSearcher searcher, Query query) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    FixedBitSet docs = new FixedBitSet(Math.max(1, reader.maxDoc()));
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
    for (LeafReaderContext leaf : reader.leaves()) {
      if (!copyKept(weight, leaf, docs)) {
        collect(weight, leaf, docs);
      }
    }
    return new AllMatches(searcher, docs, docs.cardinality());
  }

  /**
   * Copies the leaf's matches into {@code docs} when the query cache keeps them as a bit set and
   * the leaf deleted nothing; false when it did not.
   */
  private static boolean copyKept(Weight weight, LeafReaderContext leaf, FixedBitSet docs)
      throws IOException {
    if (leaf.reader().getLiveDocs() != null) {
      return false;
    }
    ScorerSupplier supplier = weight.scorerSupplier(leaf);
    if (supplier == null) {
      return true;
    }
    Scorer scorer = supplier.get(Long.MAX_VALUE);
    FixedBitSet kept =
        scorer.twoPhaseIterator() == null
            ? BitSetIterator.getFixedBitSetOrNull(scorer.iterator())
            : null;
    if (kept == null) {
      // The scorer made is dropped (its postings were looked up, not read): the bulk scorer reads
      // a disjunction of words a quarter faster than its scorer is iterated.
      return false;
    }
    orAt(docs, kept, leaf.docBase);
    return true;
  }

  /** {@code docs} |= {@code leafDocs} shifted by {@code base}: a word of the leaf at a time. */
  static void orAt(FixedBitSet docs, FixedBitSet leafDocs, int base) {
    long[] into = docs.getBits();
    long[] from = leafDocs.getBits();
    int words = FixedBitSet.bits2words(leafDocs.length());
    int word = base >>> 6;
    int shift = base & 63;
    for (int i = 0; i < words; i++) {
      long bits = from[i];
      if (bits == 0) {
        continue;
      }
      into[word + i] |= bits << shift;
      if (shift != 0 && word + i + 1 < into.length) {
        into[word + i + 1] |= bits >>> (64 - shift);
      }
    }
  }

  private static void collect(Weight weight, LeafReaderContext leaf, FixedBitSet docs)
      throws IOException {
    BulkScorer scorer = weight.bulkScorer(leaf);
    if (scorer == null) {
      return;
    }
    int base = leaf.docBase;
    scorer.score(
        new LeafCollector() {
          @Override
          public void setScorer(Scorable scorable) {}

          @Override
          public void collect(int doc) {
            docs.set(base + doc);
          }
        },
        leaf.reader().getLiveDocs());
  }

  int count() {
    return count;
  }

  /** Every matched article's id (one doc-values read each). */
  long[] ids() throws IOException {
    long[] ids = new long[count];
    int[] ofDocs = new int[count];
    int size = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      SortedNumericDocValues values = DocValues.getSortedNumeric(leaf.reader(), SearchFields.ID);
      int end = leaf.docBase + leaf.reader().maxDoc();
      for (int doc = nextMatch(leaf.docBase, end); doc < end; doc = nextMatch(doc + 1, end)) {
        if (values.advanceExact(doc - leaf.docBase)) {
          ofDocs[size] = doc;
          ids[size++] = values.nextValue();
        }
      }
    }
    readIds = Arrays.copyOf(ids, size);
    readDocs = Arrays.copyOf(ofDocs, size);
    return readIds.clone();
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
    if (!unknown.isEmpty() && readIds != null && readIds.length <= SCANNED) {
      findAmongRead(unknown.stream().mapToLong(Long::longValue).sorted().toArray());
      unknown = unknown.stream().filter(id -> !docsById.containsKey(id)).toList();
    }
    if (!unknown.isEmpty()) {
      match(unknown.stream().mapToLong(Long::longValue).toArray());
    }
    return ids.stream().mapToInt(docsById::get).toArray();
  }

  /** Remembers the documents of those of {@code sortedIds} that {@link #ids} read. */
  private void findAmongRead(long[] sortedIds) {
    int left = sortedIds.length;
    for (int i = 0; i < readIds.length && left > 0; i++) {
      if (Arrays.binarySearch(sortedIds, readIds[i]) >= 0) {
        docsById.put(readIds[i], readDocs[i]);
        left--;
      }
    }
  }

  private int nextMatch(int from, int end) {
    return from >= end ? end : Math.min(docs.nextSetBit(from, end), end);
  }
}
