package io.pressroom.article;

/**
 * A page of an article listing as it is sent: the JSON of {@link ArticlePage}, written from the
 * kept summaries ({@link ListingJson}), and the cursor of the next page for the Link header.
 */
public record ListedPage(byte[] json, String next) {}
