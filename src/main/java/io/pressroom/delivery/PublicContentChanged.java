package io.pressroom.delivery;

/**
 * Fired when something every listing may show changes other than an article itself: a tag, an
 * author's profile or role, a follower count. Caches of public answers start over.
 */
public record PublicContentChanged(String what) {

  /** Only follower counts changed: only answers about authors are affected. */
  public static final PublicContentChanged FOLLOWERS = new PublicContentChanged("followers");
}
