package io.pressroom.comment;

import io.pressroom.account.CurrentUser;
import io.pressroom.account.Role;
import io.pressroom.web.ProblemException;

/**
 * A stored comment with what deciding about it needs: what readers see, whether it is listed, its
 * author and its article. Its state changes by single SQL statements (see {@link CommentQueries})
 * because deleting must decide about the placeholder and the counters in the same statement as
 * concurrent replies; the rules of who may change it live here.
 */
record Comment(
    CommentView view,
    boolean listed,
    long authorId,
    long articleId,
    String articleSlug,
    boolean articleDeleted,
    boolean articlePublic) {

  long id() {
    return view.id();
  }

  boolean deleted() {
    return view.deleted();
  }

  Long parentId() {
    return view.parentId();
  }

  /** Only its author may edit a comment, whatever their role: nobody puts words in their mouth. */
  void checkEditableBy(CurrentUser.Caller caller) {
    if (authorId != caller.accountId()) {
      throw ProblemException.forbidden("Only its author may edit a comment.");
    }
  }

  /** Its author may delete a comment, and so may an editor. */
  void checkDeletableBy(CurrentUser.Caller caller) {
    if (authorId != caller.accountId() && !caller.is(Role.EDITOR)) {
      throw ProblemException.forbidden("Only its author or an editor may delete a comment.");
    }
  }
}
