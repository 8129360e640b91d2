package io.pressroom.comment;

import io.pressroom.web.ProblemException;
import java.util.Optional;

/** The comment a reply goes under, as the rules for replies need it. */
record ReplyParent(long articleId, boolean deleted, int depth) {

  /**
   * The depth of a new comment on article {@code articleId}: 0 on the article itself, one below its
   * parent for a reply. A reply is refused (400 on parentId) when the parent is missing or of
   * another article, was deleted, or is at the deepest level of its thread.
   */
  static int depthOfComment(long articleId, Long parentId, Optional<ReplyParent> parent) {
    if (parentId == null) {
      return 0;
    }
    if (parent.isEmpty() || parent.get().articleId() != articleId) {
      throw ProblemException.invalidField(
          "parentId", "no comment with this id belongs to this article");
    }
    return parent.get().depthOfReply();
  }

  private int depthOfReply() {
    if (deleted) {
      throw ProblemException.invalidField(
          "parentId", "this comment was deleted and takes no replies");
    }
    int replyDepth = depth + 1;
    if (replyDepth >= CommentService.MAX_THREAD_LEVELS) {
      throw ProblemException.invalidField(
          "parentId",
          "this comment is at the deepest level of its thread ("
              + CommentService.MAX_THREAD_LEVELS
              + " levels) and takes no replies; reply higher up the thread");
    }
    return replyDepth;
  }
}
