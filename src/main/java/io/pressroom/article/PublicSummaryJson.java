package io.pressroom.article;

/**
 * A public article's summary as a listing sends it ({@code json}, UTF-8, counters included), and
 * the kept summary it was made of when it was read from PostgreSQL ({@code kept}, the JSON without
 * counters of {@link KeptSummaries}; null when the caller already had it), for the caller to keep.
 */
public record PublicSummaryJson(byte[] json, byte[] kept) {}
