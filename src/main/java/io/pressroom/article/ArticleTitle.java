package io.pressroom.article;

/** What a suggestion shows of an article: its slug and title. */
public record ArticleTitle(String slug, String title) {}
