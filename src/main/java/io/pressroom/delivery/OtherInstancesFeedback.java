package io.pressroom.delivery;

/**
 * Fired on this instance's invalidation listener thread when another instance announces feedback on
 * one article (a like, a rating, a comment): per-instance copies of that article's counters are
 * stale. Announced just after the feedback commits, as {@link ResponseCache} hears it.
 */
public record OtherInstancesFeedback(long articleId) {}
