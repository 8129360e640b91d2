package io.pressroom.search;

import io.pressroom.article.ArticleSearch;
import io.pressroom.article.SearchHighlight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Highlights of articles given as text, for a search PostgreSQL answered (while the index is built,
 * with the PostgreSQL engine, or in an order the index does not keep): the page's articles are
 * indexed in memory as the search index keeps them and marked by the same {@link Highlights}, so
 * both kinds of answer mark alike. A page costs a small index of its own, of only the fields that
 * highlights read: about 6 ms of CPU for twenty articles of 1,500 characters (7 ms with every
 * field), which only this slower path pays (its statement takes far longer for a common word).
 */
final class TextHighlights {

  private final SearchQueries queries;
  private final Highlights highlights;

  TextHighlights(SearchQueries queries, Highlights highlights) {
    this.queries = queries;
    this.highlights = highlights;
  }

  List<SearchHighlight> highlights(String text, List<ArticleSearch.Text> articles) {
    if (articles.isEmpty()) {
      return List.of();
    }
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      List<Document> docs = new ArrayList<>(articles.size());
      for (ArticleSearch.Text article : articles) {
        Document doc = new Document();
        SearchFields.addHighlightedMarkdown(
            doc, article.title(), article.summary(), article.body());
        docs.add(doc);
      }
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer()))) {
        // Added as one block: one segment, document numbers in the order given.
        writer.addDocuments(docs);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        // The last word stands for the words it begins only when these articles lack it, as in
        // the index. Only stop words mark nothing: each snippet is then its summary's beginning.
        Query words = queries.articles(text, IndexTerms.words(reader));
        Query marked =
            words == null ? new MatchNoDocsQuery() : queries.marked(searcher.rewrite(words), text);
        return Arrays.asList(
            highlights.highlights(searcher, marked, IntStream.range(0, articles.size()).toArray()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
