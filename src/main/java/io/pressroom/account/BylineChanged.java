package io.pressroom.account;

/**
 * Fired inside the transaction that changes what a byline shows of an account, its name or avatar:
 * for what shows bylines beside the account's own writing (its comments) to follow.
 */
public record BylineChanged(long accountId) {}
