package io.pressroom.delivery;

/**
 * A change of the changes feed as a follower applies it: its position (transaction id as text,
 * sequence number) and the article it is about.
 */
public record ChangePosition(String txid, long seq, long articleId) {}
