package io.pressroom.article;

/** What an author writes, with the HTML rendered from it. */
record ArticleContent(
    String title,
    String summary,
    String body,
    String html,
    int readingMinutes,
    String referenceUrl,
    String sourceUrl,
    String sourcePublisher,
    String republicationNotice,
    String coverImageUrl) {}
