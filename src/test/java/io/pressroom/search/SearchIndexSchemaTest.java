package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.SearchSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
    try (Directory dir = FSDirectory.open(directory);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.setLiveCommitData(
          Map.of(
                  SearchIndex.SCHEMA_KEY, "3",
                  SearchIndex.TXID_KEY, "7",
                  SearchIndex.SEQ_KEY, "1",
                  SearchIndex.CLOCK_KEY, Instant.EPOCH.toString())
              .entrySet());
      writer.commit();
    }
    try (SearchIndex index = SearchIndex.open(directory)) {
      assertThat(index.resumePoint()).isEmpty();
      assertThat(index.documents()).isZero();
    }
  }

  private void writeOneArticle() throws IOException {
    try (SearchIndex index = SearchIndex.open(directory)) {
      index.put(
          new SearchSource.Document(
              1,
              "a",
              "A title",
              "A summary",
              "A body",
              Instant.EPOCH,
              Instant.EPOCH,
              2,
              List.of(3L)));
      index.commit("7", 1, Instant.EPOCH.toString());
    }
  }
}
