package io.pressroom.author;

import io.pressroom.account.CurrentUser;
import io.pressroom.delivery.PublicContentChanged;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Following authors. The follow row is inserted or deleted first, and the author's follower counter
 * moves by an SQL increment in the same transaction only when a row really was, so the counter
 * stays equal to the rows under any concurrency and repeated requests change nothing.
 */
@ApplicationScoped
public class FollowService {

  private final AuthorQueries queries;
  private final AuthorService authors;
  private final Event<PublicContentChanged> changed;

  FollowService(AuthorQueries queries, AuthorService authors, Event<PublicContentChanged> changed) {
    this.queries = queries;
    this.authors = authors;
    this.changed = changed;
  }

  /** The caller follows the author; following again changes nothing. */
  @Transactional
  public void follow(CurrentUser.Caller caller, String handle) {
    refuseSelf(caller, handle);
    long authorId = authors.requireAuthor(handle).id();
    if (authorId == caller.accountId()) {
      throw self();
    }
    if (queries.follow(caller.accountId(), authorId)) {
      followers(authorId, 1);
    }
  }

  /**
   * The caller stops following the author; when they do not follow them, nothing changes. A
   * follower can always unfollow, even an account that no longer counts as an author.
   */
  @Transactional
  public void unfollow(CurrentUser.Caller caller, String handle) {
    refuseSelf(caller, handle);
    Optional<Long> unfollowed = queries.unfollow(caller.accountId(), handle);
    if (unfollowed.isPresent()) {
      followers(unfollowed.get(), -1);
    } else {
      // Nothing to undo: still a 404 for a handle that names no author.
      authors.requireAuthor(handle);
    }
  }

  private void followers(long authorId, int delta) {
    queries.addFollowers(authorId, delta);
    changed.fire(PublicContentChanged.FOLLOWERS);
  }

  private static void refuseSelf(CurrentUser.Caller caller, String handle) {
    if (handle.equals(caller.handle())) {
      throw self();
    }
  }

  private static ProblemException self() {
    return new ProblemException(ProblemType.BAD_REQUEST, "You cannot follow yourself.");
  }
}
