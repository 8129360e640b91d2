package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.ArticleSearch;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class BoostedFirstTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final int ARTICLES = 400;

  private final SearchQueries queries = new SearchQueries(SearchFields.analyzer());

  @Test
  void theFirstPassGivesThePagesTheWholeQueryGivesAndTheSameTotal() throws IOException {
    try (ByteBuffersDirectory directory = index()) {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query words = searcher.rewrite(queries.articles("alpha beta", term -> true));
        assertThat(
                BoostedFirst.page(
                    searcher,
                    words,
                    w -> w,
                    SearchPage.BY_RELEVANCE,
                    null,
                    SearchPage.EXACT_TOTAL_UP_TO / 5))
            .as("the first pass decides the first page")
            .isNotNull();
        Optional<SearchPage.After> after = Optional.empty();
        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
          SearchPage.Hits hits =
              SearchPage.find(
                  searcher, words, filters(), ArticleSearch.Order.RELEVANCE, after, 0, 21, true);
          assertThat(hits.total()).isEqualTo(SearchPage.EXACT_TOTAL_UP_TO);
          assertThat(hits.totalIsLowerBound()).isTrue();
          assertThat(hits.ids()).isEqualTo(whole(searcher, words, seen.size(), 21));
          List<SearchPage.Hit> shown = hits.hits().subList(0, 20);
          shown.forEach(hit -> seen.add(hit.id()));
          SearchPage.Hit last = shown.get(19);
          after = Optional.of(new SearchPage.After(last.score(), last.published(), last.id()));
        }
      }
    }
  }

  @Test
  void wordsWithFewTitlesOrPairsRunTheWholeQuery() throws IOException {
    try (ByteBuffersDirectory directory = index()) {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query words = searcher.rewrite(queries.articles("alpha gamma", term -> true));
        assertThat(BoostedFirst.page(searcher, words, w -> w, SearchPage.BY_RELEVANCE, null, 21))
            .isNull();
        SearchPage.Hits hits = firstPage(searcher, words);
        assertThat(hits.ids()).isEqualTo(whole(searcher, words, 0, 21));
      }
    }
  }

  @Test
  void articlesWithoutTheOptionalClausesStillRankWhereTheyScore() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer()))) {
        // 25 long articles with the two words together once, 5 short ones with them apart, often.
        for (long id = 1; id <= 30; id++) {
          String body =
              id <= 25 ? "alpha delta " + "filler ".repeat(200) : "delta delta alpha alpha";
          writer.addDocument(article(id, "News " + id, body));
        }
        for (long id = 31; id <= 300; id++) {
          writer.addDocument(article(id, "News " + id, "other words"));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query words = searcher.rewrite(queries.articles("alpha delta", term -> true));
        List<Long> expected = whole(searcher, words, 0, 21);
        assertThat(expected.subList(0, 5))
            .as("the short ones rank first")
            .containsOnly(26L, 27L, 28L, 29L, 30L);
        SearchPage.Hits hits = firstPage(searcher, words);
        assertThat(hits.ids()).isEqualTo(expected);
      }
    }
  }

  private static Document article(long id, String title, String body) {
    Document doc = new Document();
    doc.add(new LongField(SearchFields.ID, id, Field.Store.NO));
    doc.add(
        new LongField(
            SearchFields.PUBLISHED, SearchFields.micros(START.plusSeconds(id)), Field.Store.NO));
    SearchFields.addArticleText(doc, title, "Summary " + id, body);
    return doc;
  }

  /**
   * Every article has alpha and beta in its body; every tenth has them in its title, every seventh
   * has them together; every third has gamma.
   */
  private static ByteBuffersDirectory index() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer()))) {
      for (long id = 1; id <= ARTICLES; id++) {
        String title = id % 10 == 0 ? "Alpha and beta news" : "News " + id;
        String body =
            (id % 7 == 0 ? "alpha beta stand together. " : "alpha first, then some words, beta. ")
                + "filler ".repeat((int) (id % 13))
                + (id % 3 == 0 ? "gamma" : "");
        writer.addDocument(article(id, title, body));
      }
    }
    return directory;
  }

  /** The first page of 21 by relevance, counted, as a search asks for it. */
  private static SearchPage.Hits firstPage(IndexSearcher searcher, Query words) throws IOException {
    return SearchPage.find(
        searcher, words, filters(), ArticleSearch.Order.RELEVANCE, Optional.empty(), 0, 21, true);
  }

  private static SearchPage.Filters filters() {
    return SearchPage.Filters.none(Instant.now());
  }

  /** Ids {@code from} to {@code from + count} of the whole query, ranked as a page is. */
  private static List<Long> whole(IndexSearcher searcher, Query words, int from, int count)
      throws IOException {
    TopFieldCollector top =
        TopFieldCollector.create(SearchPage.BY_RELEVANCE, from + count, Integer.MAX_VALUE);
    searcher.search(words, top);
    List<Long> ids = new ArrayList<>();
    ScoreDoc[] docs = top.topDocs().scoreDocs;
    for (int i = from; i < docs.length; i++) {
      ids.add((Long) ((FieldDoc) docs[i]).fields[2]);
    }
    return ids;
  }
}
