package io.pressroom.delivery;

import java.time.Duration;

/**
 * Fired when something every listing may show changes other than an article itself: a tag, an
 * author's profile or role, a follower count. Caches of public answers start over.
 */
public record PublicContentChanged(String what) {

  /** Only follower counts changed: only answers about authors are affected. */
  public static final PublicContentChanged FOLLOWERS = new PublicContentChanged("followers");

  /** Whether only follower counts changed (only answers about authors are affected). */
  public boolean followersOnly() {
    return FOLLOWERS.equals(this);
  }

  /**
   * How long what is kept in an order by followers (the public authors' copy that suggestions read,
   * and suggestions kept from it) may lag a follow: a follow changes only that order, so it is
   * caught up within this while rather than at once.
   */
  public static final Duration FOLLOWER_ORDER_LAG = Duration.ofSeconds(10);
}
