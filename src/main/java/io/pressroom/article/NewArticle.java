package io.pressroom.article;

import java.util.List;

/** What an author sends to write an article. */
public record NewArticle(
    String title,
    String summary,
    String body,
    List<String> tags,
    String referenceUrl,
    String sourceUrl,
    String sourcePublisher,
    String republicationNotice,
    String coverImageUrl) {}
