package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.SearchHighlight;
import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class HighlightsTest {

  private final SearchQueries queries = new SearchQueries(SearchFields.analyzer());
  private final Highlights highlights = new Highlights(SearchFields.analyzer());

  @Test
  void marksMatchedWordsAndEscapesTheRest() throws IOException {
    String snippet =
        snippet(
            "kernels ",
            "Title",
            "Summary",
            "A <b>kernel</b> & a <script>alert(1)</script> among kernels.");
    assertThat(snippet)
        .isEqualTo(
            "A &lt;b&gt;<mark>kernel</mark>&lt;&#x2F;b&gt; &amp; a &lt;script&gt;alert(1)&lt;&#x2F;script&gt;"
                + " among <mark>kernels</mark>.");
  }

  @Test
  void fallsBackToTheSummaryWhenTheBodyDoesNotMatch() throws IOException {
    assertThat(snippet("summary ", "Title", "A summary <here>", "Body"))
        .isEqualTo("A <mark>summary</mark> &lt;here&gt;");
  }

  @Test
  void marksPrefixesAndPhrases() throws IOException {
    assertThat(snippet("kern", "Title", "Summary", "The kernel grew."))
        .isEqualTo("The <mark>kernel</mark> grew.");
    assertThat(snippet("\"memory allocator\"", "Title", "Summary", "A memory allocator, a memory."))
        .isEqualTo("A <mark>memory</mark> <mark>allocator</mark>, a <mark>memory</mark>.");
  }

  @Test
  void theSummarysBeginningEscapedWhenNeitherBodyNorSummaryIsMarked() throws IOException {
    assertThat(highlight("-nothing title", "Title", "Some <summary>", "Body"))
        .isEqualTo(new SearchHighlight("<mark>Title</mark>", "Some &lt;summary&gt;"));
    assertThat(highlight("body -title", "x", "<b>", "The body").snippet())
        .isEqualTo("The <mark>body</mark>");
  }

  @Test
  void theTitleIsMarkedWholeAndOnlyWhenItMatches() throws IOException {
    String longTitle =
        "A <long> title about the kernel, "
            + "with many more words than a passage of the body would ever hold, ".repeat(3)
            + "and the kernel again";
    assertThat(highlight("kernel", longTitle, "Summary", "Body").title())
        .isEqualTo(
            "A &lt;long&gt; title about the <mark>kernel</mark>, "
                + "with many more words than a passage of the body would ever hold, ".repeat(3)
                + "and the <mark>kernel</mark> again");
    assertThat(highlight("kernel", "Unrelated", "Summary", "The kernel.").title()).isNull();
  }

  @Test
  void marksAWordFarIntoALongBody() throws IOException {
    String filler = "Nothing to see in this sentence at all. ".repeat(400);
    assertThat(snippet("scheduler", "Title", "Summary", filler + "The scheduler woke up."))
        .contains("<mark>scheduler</mark>");
  }

  @Test
  void eachArticleOfAPageAcrossSegmentsGetsItsOwnTexts() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer()))) {
        for (int i = 0; i < 12; i++) {
          Document doc = new Document();
          // Every third body without the word: its snippet then comes from its summary.
          String body = i % 3 == 0 ? "Nothing here " + i + "." : "Kernel " + i + " in a body.";
          SearchFields.addArticleText(
              doc, "Kernel title " + i, "Summary " + i + " on the kernel", body);
          writer.addDocument(doc);
          if (i % 4 == 3) {
            writer.commit();
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSize(3);
        // Out of order, and each segment's first article of the page further in it than the last
        // one of the segment before.
        int[] page = {7, 0, 10, 6, 1, 11};
        SearchHighlight[] marked =
            highlights.highlights(
                new IndexSearcher(reader),
                queries.marked(queries.articles("kernel"), "kernel"),
                page);
        for (int i = 0; i < page.length; i++) {
          int article = page[i];
          assertThat(marked[i].title()).isEqualTo("<mark>Kernel</mark> title " + article);
          assertThat(marked[i].snippet())
              .isEqualTo(
                  article % 3 == 0
                      ? "Summary " + article + " on the <mark>kernel</mark>"
                      : "<mark>Kernel</mark> " + article + " in a body.");
        }
      }
    }
  }

  @Test
  void markdownReadsAsText() {
    assertThat(
            Highlights.plainText(
                "## Head\n\nSome *body* and [a link](https://x.example) ![img](y.png)"))
        .isEqualTo("Head Some body and a link img");
  }

  /** The snippet of one article indexed as the search index does (body as plain text). */
  private String snippet(String query, String title, String summary, String body)
      throws IOException {
    return highlight(query, title, summary, body).snippet();
  }

  /** The highlight of one article indexed as the search index does (body as plain text). */
  private SearchHighlight highlight(String query, String title, String summary, String body)
      throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer()))) {
        Document doc = new Document();
        SearchFields.addArticleText(doc, title, summary, Highlights.plainText(body));
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return highlights
            .highlights(
                new IndexSearcher(reader),
                queries.marked(queries.articles(query), query),
                new int[] {0})[0];
      }
    }
  }
}
