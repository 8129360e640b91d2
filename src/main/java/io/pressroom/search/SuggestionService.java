package io.pressroom.search;

import io.pressroom.article.ArticleService;
import io.pressroom.article.ArticleTitle;
import io.pressroom.author.AuthorService;
import io.pressroom.tag.TagService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;

/**
 * Suggestions while typing: tags and authors by the beginning of their names (from their own
 * packages, which keep a copy of the public ones per instance: no statement once loaded), and
 * public articles whose title has words beginning as typed, from the search index (the last word a
 * prefix), best match first, then newest ({@link SuggestedTitles}); PostgreSQL confirms they are
 * public (one statement, none without hits), since the index follows unpublications and deletions a
 * moment after they commit: on this instance when the indexer next wakes (after the commit), on
 * others when the changes feed or their next poll brings the change. Nothing removes a title from
 * every index in the step that makes it non-public, so the index alone could suggest one just
 * unpublished or deleted. While the index is not ready, no article is suggested.
 */
@ApplicationScoped
class SuggestionService {

  private final TagService tags;
  private final AuthorService authors;
  private final ArticleService articles;
  private final SearchIndexer indexer;
  private final SearchSlots slots;
  private final SuggestedTitles titles =
      new SuggestedTitles(new SearchQueries(SearchFields.analyzer()));

  SuggestionService(
      TagService tags,
      AuthorService authors,
      ArticleService articles,
      SearchIndexer indexer,
      SearchSlots slots) {
    this.tags = tags;
    this.authors = authors;
    this.articles = articles;
    this.indexer = indexer;
    this.slots = slots;
  }

  Suggestions suggest(String text, int limit) {
    return new Suggestions(
        text,
        tags.startingWith(text, limit),
        authors.startingWith(text, limit),
        articleTitles(text, limit));
  }

  private List<Suggestions.ArticleTitle> articleTitles(String text, int limit) {
    SearchIndex index = indexer.readyIndex();
    if (index == null) {
      return List.of();
    }
    List<SearchPage.Hit> hits;
    try {
      IndexSearcher searcher = index.acquire();
      try {
        hits = slots.run(() -> titles.find(searcher, text, Instant.now(), limit));
      } finally {
        index.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Long> ids = hits.stream().map(SearchPage.Hit::id).toList();
    Map<Long, ArticleTitle> visible = articles.publicTitles(ids);
    List<Suggestions.ArticleTitle> found = new ArrayList<>();
    for (long id : ids) {
      ArticleTitle title = visible.get(id);
      if (title != null) {
        found.add(new Suggestions.ArticleTitle(title.slug(), title.title()));
      }
    }
    return found;
  }
}
