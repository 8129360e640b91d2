package io.pressroom.article;

import java.util.List;
import java.util.Optional;

/** A page of articles with the whole count and where the next page starts. */
public record ArticleListing(
    List<ArticleSummary> items, long total, int limit, Optional<String> next) {}
