package io.pressroom.account;

/**
 * Fired inside the transaction that revokes an API key, so that every instance forgets the keys it
 * recognised (see {@code delivery/InvalidationNotifier}) once the revocation commits.
 */
public record ApiKeyRevoked(long id) {}
