package io.pressroom.delivery;

/**
 * Fired on this instance's invalidation listener thread for per-instance copies of public tables
 * ({@link KeptSnapshot}): another instance announced a change to tags, authors, accounts or what
 * listings show, or listening started ({@code listening} true: drop what is kept, it may have
 * missed writes), or it stopped ({@code listening} false: keep and use nothing until it starts).
 * {@code followersOnly}: the change announced was only to follower counts.
 */
public record OtherInstancesChanged(boolean listening, boolean followersOnly) {

  /** Listening started, stopped, or a change other than to follower counts was announced. */
  public OtherInstancesChanged(boolean listening) {
    this(listening, false);
  }
}
