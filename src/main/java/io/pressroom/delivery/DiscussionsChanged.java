package io.pressroom.delivery;

/**
 * Fired inside the transaction that changes what comments show of someone who wrote them (a
 * reader's name or avatar): every kept discussion (an article's comments) starts over, here and on
 * every instance, and at the edge. Answers that show no comment are left alone, so that readers
 * changing their profiles cannot empty the rest of the cache.
 */
public record DiscussionsChanged() {}
