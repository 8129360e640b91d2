package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SearchFieldsTest {

  @Test
  void eachWordCountsAsOftenAsItsFieldsWeighIt() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer()))) {
        Document doc = new Document();
        SearchFields.addArticleText(
            doc, "Kernel graph", "The kernels of it", "A kernel, another kernel and more.");
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        LeafReader leaf = reader.leaves().get(0).reader();
        // Title 4, summary 2 (stemmed: kernels is kernel), body 1 each time.
        assertThat(frequency(leaf, "kernel")).isEqualTo(4 + 2 + 2);
        assertThat(frequency(leaf, "graph")).isEqualTo(4);
        assertThat(frequency(leaf, "more")).isEqualTo(1);
        assertThat(frequency(leaf, "the")).as("a stop word").isZero();
      }
    }
  }

  @Test
  void keptTextsComeBackAsTheyWereWrittenWhateverTheirScript() throws IOException {
    String title = "Café — 日本語 and 🦀 crabs";
    String summary = "Plain ASCII only";
    String body = "Ünïcode ä, a lone surrogate \ud800 becomes a replacement, emoji 🦀 stays.";
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer()))) {
        Document doc = new Document();
        SearchFields.addArticleText(doc, title, summary, body);
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        LeafReader leaf = reader.leaves().get(0).reader();
        assertThat(SearchFields.text(leaf, SearchFields.TITLE, 0)).isEqualTo(title);
        assertThat(SearchFields.text(leaf, SearchFields.SUMMARY, 0)).isEqualTo(summary);
        // Lucene writes a lone surrogate as U+FFFD; everything else is kept as it was.
        assertThat(SearchFields.text(leaf, SearchFields.BODY, 0))
            .isEqualTo(body.replace("\ud800", "\ufffd"));
      }
    }
  }

  private static int frequency(LeafReader leaf, String word) throws IOException {
    PostingsEnum postings = leaf.postings(new Term(SearchFields.WORDS, word), PostingsEnum.FREQS);
    if (postings == null || postings.nextDoc() != 0) {
      return 0;
    }
    return postings.freq();
  }
}
