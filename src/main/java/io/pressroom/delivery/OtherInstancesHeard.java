package io.pressroom.delivery;

/**
 * Fired on this instance's invalidation listener thread: another instance committed a change to
 * public content ({@code listening} true), or notifications have started or stopped arriving. While
 * {@code listening} is false, what other instances write is not announced here, so whoever follows
 * their writes (the search index) must look for them by itself, often.
 */
public record OtherInstancesHeard(boolean listening) {}
