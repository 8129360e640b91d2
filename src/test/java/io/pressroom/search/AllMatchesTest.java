package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

class AllMatchesTest {

  private static final QueryCachingPolicy ALWAYS =
      new QueryCachingPolicy() {
        @Override
        public void onUse(Query query) {}

        @Override
        public boolean shouldCache(Query query) {
          return true;
        }
      };

  private final SearchQueries queries = new SearchQueries(SearchFields.analyzer());

  @Test
  void aLeafIsCopiedAtItsPlaceWhereverItStarts() {
    Random random = new Random(7);
    for (int base : new int[] {0, 1, 63, 64, 65, 130, 1000}) {
      FixedBitSet leaf = new FixedBitSet(300);
      for (int i = 0; i < 80; i++) {
        leaf.set(random.nextInt(300));
      }
      leaf.set(299);
      FixedBitSet all = new FixedBitSet(base + 300 + 5);
      all.set(base - 1 < 0 ? base + 302 : base - 1);
      FixedBitSet expected = all.clone();
      for (int doc = leaf.nextSetBit(0); doc >= 0 && doc < 300; doc = nextOrEnd(leaf, doc + 1)) {
        expected.set(base + doc);
      }
      AllMatches.orAt(all, leaf, base);
      assertThat(all).as("base %d", base).isEqualTo(expected);
    }
  }

  @Test
  void keptMatchesAreTheMatchesOfTheSearchInEverySegment() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      // Several segments of uneven sizes (so that they start at unaligned documents), one of them
      // with deleted articles.
      try (IndexWriter writer = segments(directory, 70, 131, 5, 200)) {
        writer.deleteDocuments(LongField.newExactQuery(SearchFields.ID, 12));
        writer.deleteDocuments(LongField.newExactQuery(SearchFields.ID, 15));
        writer.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSize(4);
        Query kernel = queries.articles("kernel");
        List<Long> expected = new ArrayList<>();
        for (long id = 1; id <= 406; id++) {
          if (id % 3 == 0 && id != 12 && id != 15) {
            expected.add(id);
          }
        }

        IndexSearcher uncached = new IndexSearcher(reader);
        uncached.setQueryCache(null);
        assertThat(ids(AllMatches.of(uncached, kernel))).isEqualTo(expected);

        IndexSearcher cached = new IndexSearcher(reader);
        cached.setQueryCache(new LRUQueryCache(10, 1 << 20, leaf -> true, Float.POSITIVE_INFINITY));
        cached.setQueryCachingPolicy(ALWAYS);
        // The first search fills the cache; the second copies what it keeps.
        assertThat(ids(AllMatches.of(cached, kernel))).isEqualTo(expected);
        AllMatches again = AllMatches.of(cached, kernel);
        assertThat(ids(again)).isEqualTo(expected);
        assertThat(again.count()).isEqualTo(expected.size());
      }
    }
  }

  @Test
  void thePagesArticlesAreFoundAtTheirDocumentsWhetherTheIdsWereReadOrNot() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      segments(directory, 70, 131, 5).close();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query kernel = queries.articles("kernel");
        // Out of the index's order, from every segment, as a page in another order names them.
        List<Long> page = List.of(204L, 3L, 72L, 69L, 150L);

        AllMatches read = AllMatches.of(searcher, kernel);
        long[] ids = read.ids();
        // What the caller does with the ids it was given does not change what was read.
        for (int i = 0, j = ids.length - 1; i < j; i++, j--) {
          long swapped = ids[i];
          ids[i] = ids[j];
          ids[j] = swapped;
        }
        assertThat(idsAt(reader, read.docs(page))).isEqualTo(page);

        AllMatches notRead = AllMatches.of(searcher, kernel);
        assertThat(idsAt(reader, notRead.docs(page))).isEqualTo(page);
      }
    }
  }

  /**
   * A writer that has committed one segment of each of these sizes (articles 1, 2, ... in turn),
   * left open for what the test does next.
   */
  private static IndexWriter segments(ByteBuffersDirectory directory, int... sizes)
      throws IOException {
    IndexWriter writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(SearchFields.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE));
    long id = 1;
    for (int size : sizes) {
      for (int i = 0; i < size; i++, id++) {
        writer.addDocument(article(id));
      }
      writer.commit();
    }
    return writer;
  }

  private static List<Long> idsAt(DirectoryReader reader, int[] docs) throws IOException {
    List<Long> ids = new ArrayList<>();
    for (int doc : docs) {
      List<LeafReaderContext> leaves = reader.leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      SortedNumericDocValues values = DocValues.getSortedNumeric(leaf.reader(), SearchFields.ID);
      assertThat(values.advanceExact(doc - leaf.docBase)).isTrue();
      ids.add(values.nextValue());
    }
    return ids;
  }

  private static List<Long> ids(AllMatches matches) throws IOException {
    return java.util.Arrays.stream(matches.ids()).sorted().boxed().toList();
  }

  private static int nextOrEnd(FixedBitSet bits, int from) {
    return from >= bits.length() ? -1 : bits.nextSetBit(from);
  }

  /** An article whose body names the kernel when its id is a multiple of three. */
  private static Document article(long id) {
    Document doc = new Document();
    doc.add(new LongField(SearchFields.ID, id, Field.Store.NO));
    SearchFields.addArticleText(
        doc, "Title " + id, "Summary", id % 3 == 0 ? "The kernel grew." : "Nothing to see.");
    return doc;
  }
}
