package io.pressroom.author;

import static io.pressroom.web.Rows.asLong;

import io.pressroom.account.CurrentUser;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import io.pressroom.web.PublicContentChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Following authors. The follow row is inserted or deleted first, and the author's follower counter
 * moves by an SQL increment in the same transaction only when a row really was, so the counter
 * stays equal to the rows under any concurrency and repeated requests change nothing.
 */
@ApplicationScoped
public class FollowService {

  private final EntityManager entityManager;
  private final Event<PublicContentChanged> changed;

  FollowService(EntityManager entityManager, Event<PublicContentChanged> changed) {
    this.entityManager = entityManager;
    this.changed = changed;
  }

  /** The caller follows the author; following again changes nothing. */
  @Transactional
  public void follow(CurrentUser.Caller caller, String handle) {
    refuseSelf(caller, handle);
    long authorId = authorId(handle);
    if (authorId == caller.accountId()) {
      throw self();
    }
    int inserted =
        entityManager
            .createNativeQuery(
                "insert into follows (follower_id, author_id) values (:me, :author)"
                    + " on conflict do nothing")
            .setParameter("me", caller.accountId())
            .setParameter("author", authorId)
            .executeUpdate();
    if (inserted == 1) {
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
    @SuppressWarnings("unchecked")
    List<Object> deleted =
        entityManager
            .createNativeQuery(
                "delete from follows where follower_id = :me"
                    + " and author_id = (select id from accounts where handle = :handle)"
                    + " returning author_id")
            .setParameter("me", caller.accountId())
            .setParameter("handle", handle)
            .getResultList();
    if (deleted.isEmpty()) {
      authorId(handle);
    } else {
      followers(asLong(deleted.get(0)), -1);
    }
  }

  /** The id of the author with this handle; 404 for anyone else. */
  private long authorId(String handle) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        entityManager
            .createNativeQuery(
                "select u.id from accounts u where u.handle = :handle and "
                    + AuthorService.IS_AUTHOR)
            .setParameter("handle", handle)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("No author has the handle '" + handle + "'.");
    }
    return asLong(rows.get(0));
  }

  private void followers(long authorId, int delta) {
    entityManager
        .createNativeQuery(
            "update accounts set follower_count = follower_count + :delta where id = :author")
        .setParameter("delta", delta)
        .setParameter("author", authorId)
        .executeUpdate();
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
