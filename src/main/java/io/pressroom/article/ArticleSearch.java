package io.pressroom.article;

import java.util.Optional;

/**
 * A search engine that can answer a reader's search instead of PostgreSQL's full-text search (the
 * search package's index). Empty when it cannot answer this one (not caught up yet, or switched
 * off): the listing then runs the search in PostgreSQL, which is always correct, only slower.
 */
public interface ArticleSearch {

  /** The page of results as it is sent (JSON of {@link ArticlePage}) and the ids it looked at. */
  Optional<Shown<ListedPage>> search(ArticleSearchRequest request);
}
