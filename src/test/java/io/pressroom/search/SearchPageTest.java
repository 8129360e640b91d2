package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.ArticleSearch;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SearchPageTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private final SearchQueries queries = new SearchQueries(SearchFields.analyzer());

  @Test
  void countsExactlyUpToTheBound() throws IOException {
    SearchPage.Hits hits = firstPage(SearchPage.EXACT_TOTAL_UP_TO, 21);
    assertThat(hits.total()).isEqualTo(SearchPage.EXACT_TOTAL_UP_TO);
    assertThat(hits.totalIsLowerBound()).isFalse();
    assertThat(hits.hits()).hasSize(21);
  }

  @Test
  void pastTheBoundTheTotalIsTheBoundAndSaysSo() throws IOException {
    SearchPage.Hits hits = firstPage(3 * SearchPage.EXACT_TOTAL_UP_TO, 21);
    assertThat(hits.totalIsLowerBound()).isTrue();
    assertThat(hits.total()).isEqualTo(SearchPage.EXACT_TOTAL_UP_TO);
    // The page is still the best and newest first, whatever was skipped.
    assertThat(hits.hits()).extracting(SearchPage.Hit::id).startsWith(300L, 299L, 298L);
  }

  @Test
  void matchesAtOneEndOfTheIndexAreNotTakenForMostOfIt() throws IOException {
    int matching = SearchPage.EXACT_TOTAL_UP_TO + 20;
    Document[] articles = new Document[10 * matching];
    for (int i = 0; i < articles.length; i++) {
      String body = i < matching ? "The kernel grew." : "Nothing to see.";
      articles[i] = article(i + 1, "Title " + (i + 1), "Summary", body);
    }
    SearchPage.Hits hits = kernel(21, articles);
    assertThat(hits.totalIsLowerBound()).isTrue();
    assertThat(hits.total()).isEqualTo(SearchPage.EXACT_TOTAL_UP_TO).isLessThan(matching);
  }

  @Test
  void aPageLargerThanTheBoundIsCountedAsFarAsItReaches() throws IOException {
    int size = SearchPage.EXACT_TOTAL_UP_TO + 21;
    SearchPage.Hits hits = firstPage(size, size);
    assertThat(hits.total()).isEqualTo(size);
    assertThat(hits.totalIsLowerBound()).isFalse();
  }

  @Test
  void aTitleMatchOutranksABodyThatRepeatsTheWord() throws IOException {
    SearchPage.Hits hits =
        kernel(
            10,
            article(
                1,
                "A long title that mentions the kernel among many other words",
                "Summary",
                "Nothing else."),
            article(2, "Other", "The kernel", "kernel ".repeat(40)),
            article(3, "More", "Summary", "kernel ".repeat(10)));
    assertThat(hits.hits()).extracting(SearchPage.Hit::id).hasSize(3).first().isEqualTo(1L);
  }

  @Test
  void aPhraseInTheTitleOutranksABodyThatRepeatsIt() throws IOException {
    SearchPage.Hits hits =
        search(
            "\"memory allocator\"",
            10,
            article(
                1,
                "A long title that names the memory allocator among many other words",
                "Summary",
                "Nothing else."),
            article(2, "Other", "Summary", "memory allocator ".repeat(40)),
            article(3, "More", "Summary", "memory allocator ".repeat(10)),
            article(4, "Scattered", "Summary", "memory and allocator"));
    assertThat(hits.hits()).extracting(SearchPage.Hit::id).containsExactly(1L, 2L, 3L);
  }

  /** The first page of {@code size} of "kernel" in an index of {@code count} alike articles. */
  private SearchPage.Hits firstPage(int count, int size) throws IOException {
    Document[] articles = new Document[count];
    for (int i = 0; i < count; i++) {
      articles[i] = article(i + 1, "Title " + (i + 1), "Summary", "The kernel grew.");
    }
    return kernel(size, articles);
  }

  /** An article as the index holds it, published {@code id} seconds after {@link #START}. */
  private static Document article(long id, String title, String summary, String body) {
    Document doc = new Document();
    doc.add(new LongField(SearchFields.ID, id, Field.Store.NO));
    doc.add(
        new LongField(
            SearchFields.PUBLISHED, SearchFields.micros(START.plusSeconds(id)), Field.Store.NO));
    SearchFields.addArticleText(doc, title, summary, body);
    return doc;
  }

  /** The first page of {@code size} of a search for "kernel" in an index of {@code articles}. */
  private SearchPage.Hits kernel(int size, Document... articles) throws IOException {
    return search("kernel ", size, articles);
  }

  /**
   * The first page of {@code size} of a search for {@code text} in an index of {@code articles}.
   */
  private SearchPage.Hits search(String text, int size, Document... articles) throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer()))) {
        for (Document article : articles) {
          writer.addDocument(article);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        SearchPage.Filters filters = SearchPage.Filters.none(Instant.now());
        return SearchPage.find(
            new IndexSearcher(reader),
            queries.articles(text),
            filters,
            ArticleSearch.Order.RELEVANCE,
            Optional.empty(),
            0,
            size,
            true);
      }
    }
  }
}
