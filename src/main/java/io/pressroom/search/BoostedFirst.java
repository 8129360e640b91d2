package io.pressroom.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.Weight;

/**
 * A search of several words, ranked by relevance, looks first among the articles that also have one
 * of its optional clauses (a word in the title, two words together): for common words those are far
 * fewer than the articles with every word, whose intersection is most of the search's cost. That
 * first pass is the answer when the lowest score of its page is above the most an article with none
 * of them can score (the sum of the required clauses' highest scores in the index): no such article
 * can then reach the page. Otherwise the whole query runs.
 */
final class BoostedFirst {

  /** Float sums in another order may differ in their last bits: a margin, on the safe side. */
  private static final float MARGIN = 1.001f;

  private BoostedFirst() {}

  /**
   * The best {@code wanted} hits of {@code words} after {@code after}, from the articles with an
   * optional clause, with {@code filter} applied; null when the query has no such clauses or they
   * cannot decide the page.
   */
  static TopDocs page(
      IndexSearcher searcher, Query words, Filter filter, Sort sort, FieldDoc after, int wanted)
      throws IOException {
    if (!(words instanceof BooleanQuery query) || query.getMinimumNumberShouldMatch() != 0) {
      return null;
    }
    BooleanQuery.Builder required = new BooleanQuery.Builder();
    BooleanQuery.Builder anyOptional = new BooleanQuery.Builder();
    BooleanQuery.Builder narrowed = new BooleanQuery.Builder();
    int requiredCount = 0;
    int optionalCount = 0;
    for (BooleanClause clause : query.clauses()) {
      if (clause.getOccur() == Occur.SHOULD) {
        anyOptional.add(clause.getQuery(), Occur.SHOULD);
        optionalCount++;
        continue;
      }
      narrowed.add(clause);
      if (clause.getOccur() == Occur.MUST) {
        required.add(clause);
        requiredCount++;
      }
    }
    if (requiredCount < 2 || optionalCount == 0) {
      return null;
    }
    narrowed.add(anyOptional.build(), Occur.MUST);
    TopFieldCollector top = TopFieldCollector.create(sort, wanted, after, wanted);
    searcher.search(filter.apply(narrowed.build()), top);
    TopDocs docs = top.topDocs();
    if (docs.scoreDocs.length < wanted) {
      return null;
    }
    float lowest = (Float) ((FieldDoc) docs.scoreDocs[wanted - 1]).fields[0];
    return lowest > highestScore(searcher, required.build()) * MARGIN ? docs : null;
  }

  /** The highest score any article can have for {@code query} in the index of {@code searcher}. */
  static float highestScore(IndexSearcher searcher, Query query) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
    float highest = 0f;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer != null) {
        scorer.advanceShallow(0);
        highest = Math.max(highest, scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS));
      }
    }
    return highest;
  }

  /** The listing's filters around a query. */
  interface Filter {
    Query apply(Query words) throws IOException;
  }

  /**
   * Counts matches up to one past {@code bound} and no further: the total of a page the first pass
   * found.
   */
  static final class CountTo implements Collector {
    private final int bound;
    private int seen;

    CountTo(int bound) {
      this.bound = bound;
    }

    int seen() {
      return seen;
    }

    boolean pastBound() {
      return seen > bound;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      if (seen > bound) {
        throw new CollectionTerminatedException();
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          if (++seen > bound) {
            throw new CollectionTerminatedException();
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
