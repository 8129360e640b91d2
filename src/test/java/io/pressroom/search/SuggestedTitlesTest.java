package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.ArticleSearch;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SuggestedTitlesTest {

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  private static final List<String> WORDS =
      List.of(
          "Rust",
          "rusty",
          "running",
          "run",
          "ru",
          "ruling",
          "kernel",
          "kernels",
          "key",
          "the",
          "of",
          "data",
          "database",
          "R",
          "Linux",
          "linkers",
          "memory",
          "co-op",
          "compilers",
          "security",
          "secure",
          "pro",
          "processors");

  private final SearchQueries queries = new SearchQueries(SearchFields.analyzer());
  private final SuggestedTitles titles = new SuggestedTitles(queries);

  @Test
  void findsWhatRankingEveryMatchingTitleFinds() throws IOException {
    List<String> typed =
        List.of(
            "r",
            "ru",
            "rus",
            "rust",
            "rusty",
            "run",
            "running",
            "k",
            "ke",
            "kernels",
            "the",
            "th",
            "d",
            "data",
            "co",
            "co-",
            "co-op",
            "pro",
            "sec",
            "l",
            "-",
            "-r",
            "\"rust\"",
            "rust k",
            "the r",
            "R",
            "RU",
            "ruSt",
            "memory of",
            "x",
            "zz",
            "linux kern");
    // In the index's order (newest first in each segment), where the newest titles are the first
    // met, and in the order they were added: the suggestions do not depend on it.
    for (boolean newestFirst : new boolean[] {true, false}) {
      try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
        index(directory, 600, newestFirst);
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          for (String text : typed) {
            for (int limit : new int[] {1, 5, 10}) {
              assertThat(ids(titles.find(searcher, text, NOW, limit)))
                  .as("%s, limit %d, newest first %s", text, limit, newestFirst)
                  .isEqualTo(ids(rankingAll(searcher, text, limit)));
            }
          }
        }
      }
    }
  }

  @Test
  void aTitleIsSuggestedByEveryBeginningOfItsWordsAndNotByOthers() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer()))) {
        writer.addDocument(article(1, "Compilers of tomorrow", NOW.minusSeconds(60)));
        writer.addDocument(article(2, "Scheduled compilers", NOW.plusSeconds(60)));
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (String text : List.of("c", "co", "compil", "compiler", "tomorrow", "T")) {
          assertThat(ids(titles.find(searcher, text, NOW, 5))).as(text).containsExactly(1L);
        }
        for (String text : List.of("o", "of", "compilers x", "ompil")) {
          assertThat(ids(titles.find(searcher, text, NOW, 5))).as(text).isEmpty();
        }
      }
    }
  }

  @Test
  void aBeginningFindsWhatAPrefixOfTheTitleWordsFinds() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      index(directory, 300, true);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (String word : WORDS) {
          String stem = SearchQueries.prefixText(word);
          for (int end = 1; end <= stem.length(); end++) {
            String begun = stem.substring(0, end);
            assertThat(matches(searcher, SearchQueries.titleBeginning(begun)))
                .as(begun)
                .isEqualTo(matches(searcher, new PrefixQuery(new Term(SearchFields.TITLE, begun))));
          }
        }
      }
    }
  }

  private static Set<Integer> matches(IndexSearcher searcher, Query query) throws IOException {
    Set<Integer> docs = new HashSet<>();
    for (ScoreDoc hit : searcher.search(query, Integer.MAX_VALUE).scoreDocs) {
      docs.add(hit.doc);
    }
    return docs;
  }

  private List<SearchPage.Hit> rankingAll(IndexSearcher searcher, String text, int limit)
      throws IOException {
    Query all = queries.titles(text);
    if (all == null) {
      return List.of();
    }
    SearchPage.Filters filters = SearchPage.Filters.none(NOW);
    return SearchPage.find(
            searcher,
            all,
            filters,
            ArticleSearch.Order.RELEVANCE,
            Optional.empty(),
            0,
            limit,
            false)
        .hits();
  }

  private static List<Long> ids(List<SearchPage.Hit> hits) {
    return hits.stream().map(SearchPage.Hit::id).toList();
  }

  /**
   * Titles of one to six words, published over eleven years (many in the same minutes, some at the
   * same instant, some still scheduled).
   */
  private static void index(ByteBuffersDirectory directory, int count, boolean newestFirst)
      throws IOException {
    Random random = new Random(14);
    IndexWriterConfig config = new IndexWriterConfig(SearchFields.analyzer());
    if (newestFirst) {
      config.setIndexSort(SearchIndex.INDEX_ORDER);
    }
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (long id = 1; id <= count; id++) {
        List<String> title = new ArrayList<>();
        for (int i = random.nextInt(6); i >= 0; i--) {
          title.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        Instant published =
            random.nextInt(4) == 0
                ? NOW.minusSeconds(random.nextInt(50) * 60L - 300)
                : NOW.minus(Duration.ofDays(random.nextInt(4000)));
        writer.addDocument(article(id, String.join(" ", title), published));
        if (id % 97 == 0) {
          writer.commit();
        }
      }
    }
  }

  private static Document article(long id, String title, Instant published) {
    Document doc = new Document();
    doc.add(new LongField(SearchFields.ID, id, Field.Store.NO));
    doc.add(new LongField(SearchFields.PUBLISHED, SearchFields.micros(published), Field.Store.NO));
    SearchFields.addText(doc, SearchFields.TITLE, title);
    SearchFields.addTitleBeginnings(doc, title);
    return doc;
  }
}
