package io.pressroom.demo;

import java.time.Instant;
import java.util.List;

/** The shape of {@code demo/content.json}. */
record DemoContent(
    List<DemoAccount> accounts,
    List<DemoTag> tags,
    List<DemoArticle> articles,
    List<DemoLike> likes,
    List<DemoRating> ratings,
    List<DemoFollow> follows,
    List<DemoComment> comments) {

  record DemoAccount(
      String handle,
      String name,
      String email,
      String role,
      String bio,
      String avatarUrl,
      String websiteUrl) {}

  record DemoTag(String name, String description) {}

  record DemoArticle(
      String title,
      String summary,
      String body,
      String author,
      List<String> tags,
      String referenceUrl,
      String sourceUrl,
      String sourcePublisher,
      String republicationNotice,
      String coverImageUrl,
      Instant publishedAt) {}

  /** A reader's like of the article with this title. */
  record DemoLike(String article, String reader) {}

  /** A reader's score for the article with this title. */
  record DemoRating(String article, String reader, int score) {}

  /** An account following an author, both by handle. */
  record DemoFollow(String follower, String author) {}

  List<DemoLike> likesOrEmpty() {
    return likes == null ? List.of() : likes;
  }

  List<DemoRating> ratingsOrEmpty() {
    return ratings == null ? List.of() : ratings;
  }

  List<DemoFollow> followsOrEmpty() {
    return follows == null ? List.of() : follows;
  }

  /** A comment on the article titled {@code article}; {@code replyTo} is another one's key. */
  record DemoComment(
      String key, String article, String author, String body, String replyTo, Instant createdAt) {}
}
