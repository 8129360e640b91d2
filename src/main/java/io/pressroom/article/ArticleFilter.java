package io.pressroom.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which articles a listing shows, after the client's filters have been parsed and checked. */
record ArticleFilter(
    List<String> tagSlugs,
    Optional<String> authorHandle,
    Optional<String> query,
    Optional<Instant> publishedAfter,
    Optional<Instant> publishedBefore,
    Optional<Instant> updatedSince,
    ArticleSort sort) {

  ArticleFilter {
    tagSlugs = List.copyOf(tagSlugs);
  }
}
