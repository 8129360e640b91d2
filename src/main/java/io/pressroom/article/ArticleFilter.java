package io.pressroom.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which articles a listing shows, after the client's filters have been parsed and checked; {@code
 * followedBy} keeps the articles of the authors an account follows (its personal feed).
 */
record ArticleFilter(
    List<String> tagSlugs,
    Optional<String> authorHandle,
    Optional<String> query,
    Optional<Instant> publishedAfter,
    Optional<Instant> publishedBefore,
    Optional<Instant> updatedSince,
    ArticleSort sort,
    ArticleStatus status,
    Optional<Long> onlyAuthorId,
    Optional<Long> followedBy) {

  ArticleFilter {
    tagSlugs = List.copyOf(tagSlugs);
  }

  /**
   * A reader's own feed: the published articles of the authors the account follows, newest first.
   */
  static ArticleFilter followedBy(long accountId) {
    return new ArticleFilter(
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ArticleSort.NEWEST,
        ArticleStatus.PUBLISHED,
        Optional.empty(),
        Optional.of(accountId));
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
        onlyAuthorId,
        followedBy);
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
        Optional.of(authorId),
        followedBy);
  }
}
