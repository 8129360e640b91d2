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
    ArticleSort sort,
    ArticleStatus status,
    Optional<Long> onlyAuthorId) {

  ArticleFilter {
    tagSlugs = List.copyOf(tagSlugs);
  }

  ArticleFilter withTags(List<String> tags) {
    return new ArticleFilter(
        tags,
        authorHandle,
        query,
        publishedAfter,
        publishedBefore,
        updatedSince,
        sort,
        status,
        onlyAuthorId);
  }

  ArticleFilter restrictedTo(long authorId) {
    return new ArticleFilter(
        tagSlugs,
        authorHandle,
        query,
        publishedAfter,
        publishedBefore,
        updatedSince,
        sort,
        status,
        Optional.of(authorId));
  }
}
