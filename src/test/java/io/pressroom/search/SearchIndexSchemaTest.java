package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.SearchSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index is resumed only when written under the current schema; any other is built again. */
class SearchIndexSchemaTest {

  @TempDir Path directory;

  @Test
  void resumesAnIndexOfThisSchema() throws IOException {
    writeOneArticle();
    try (SearchIndex index = SearchIndex.open(directory)) {
      assertThat(index.resumePoint()).isPresent();
      assertThat(index.documents()).isEqualTo(1);
    }
  }

  @Test
  void startsAfreshFromAnIndexOfAnEarlierSchema() throws IOException {
    writeOneArticle();
    // Schema 3 had no pairs of adjacent words, which phrases now need.
    commitUnderSchema("3");
    try (SearchIndex index = SearchIndex.open(directory)) {
      assertThat(index.resumePoint()).isEmpty();
      assertThat(index.documents()).isZero();
    }
  }

  @Test
  void anIndexOfSchema8InTheOrderArticlesWereAddedIsBuiltAgainNewestFirst() throws IOException {
    try (Directory dir = FSDirectory.open(directory);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.addDocument(new Document());
    }
    commitUnderSchema("8");
    try (SearchIndex index = SearchIndex.open(directory)) {
      assertThat(index.resumePoint()).isEmpty();
      assertThat(index.documents()).isZero();
      List<Long> oldestFirst = List.of(3L, 1L, 4L, 2L);
      Instant first = Instant.parse("2025-12-01T00:00:00Z");
      for (int i = 0; i < oldestFirst.size(); i++) {
        index.put(article(oldestFirst.get(i), first.plus(Duration.ofDays(i))));
      }
      index.commit("12", 2, Instant.EPOCH.toString());
    }
    try (Directory dir = FSDirectory.open(directory);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      List<Long> ids = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        assertThat(leaf.reader().getMetaData().getSort()).isEqualTo(SearchIndex.INDEX_ORDER);
        SortedNumericDocValues values = leaf.reader().getSortedNumericDocValues(SearchFields.ID);
        while (values.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
          ids.add(values.nextValue());
        }
      }
      assertThat(ids).containsExactly(2L, 4L, 1L, 3L);
    }
  }

  private static SearchSource.Document article(long id, Instant published) {
    return new SearchSource.Document(
        id, "a" + id, "A title", "A summary", "A body", published, published, 2, List.of(3L));
  }

  private void writeOneArticle() throws IOException {
    try (SearchIndex index = SearchIndex.open(directory)) {
      index.put(article(1, Instant.EPOCH));
      index.commit("7", 1, Instant.EPOCH.toString());
    }
  }

  /** Commits what the directory holds with the position of an index of {@code schema}. */
  private void commitUnderSchema(String schema) throws IOException {
    try (Directory dir = FSDirectory.open(directory);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.setLiveCommitData(
          Map.of(
                  SearchIndex.SCHEMA_KEY,
                  schema,
                  SearchIndex.TXID_KEY,
                  "7",
                  SearchIndex.SEQ_KEY,
                  "1",
                  SearchIndex.CLOCK_KEY,
                  Instant.EPOCH.toString())
              .entrySet());
      writer.commit();
      assertThat(SegmentInfos.readLatestCommit(dir).getUserData())
          .containsEntry(SearchIndex.SCHEMA_KEY, schema);
    }
  }
}
