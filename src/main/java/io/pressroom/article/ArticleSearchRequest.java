package io.pressroom.article;

import io.pressroom.web.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A reader's search of public articles, as the article listing hands it to a search engine: the
 * words, the filters that combine with them, and the page wanted. {@code tagInPath}: the one tag
 * filtered by is the tag whose page this is ({@code /tags/{slug}/articles}), so a tag nobody has is
 * a 404, not a bad parameter.
 */
public record ArticleSearchRequest(
    String query,
    List<String> tagSlugs,
    Optional<String> authorHandle,
    Optional<Instant> publishedAfter,
    Optional<Instant> publishedBefore,
    Optional<Instant> updatedSince,
    boolean tagInPath,
    PageRequest page) {

  public ArticleSearchRequest {
    tagSlugs = List.copyOf(tagSlugs);
  }
}
