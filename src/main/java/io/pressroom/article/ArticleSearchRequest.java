package io.pressroom.article;

import io.pressroom.web.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A reader's search of public articles, as the article listing hands it to a search engine: the
 * words, the filters that combine with them, and the page wanted.
 */
public record ArticleSearchRequest(
    String query,
    List<String> tagSlugs,
    Optional<String> authorHandle,
    Optional<Instant> publishedAfter,
    Optional<Instant> publishedBefore,
    boolean byRelevance,
    PageRequest page) {

  public ArticleSearchRequest {
    tagSlugs = List.copyOf(tagSlugs);
  }
}
