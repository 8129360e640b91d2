package io.pressroom.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pressroom.web.Problem;
import io.pressroom.web.ProblemException;
import io.pressroom.web.ProblemType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyParentTest {

  private static final long ARTICLE = 7;

  @Test
  void aCommentOnTheArticleIsAtDepthZero() {
    assertThat(ReplyParent.depthOfComment(ARTICLE, null, Optional.empty())).isZero();
  }

  @Test
  void aReplyIsOneBelowItsParent() {
    ReplyParent parent = new ReplyParent(ARTICLE, false, 3);

    assertThat(ReplyParent.depthOfComment(ARTICLE, 40L, Optional.of(parent))).isEqualTo(4);
  }

  @Test
  void theDeepestLevelTakesNoReplies() {
    int deepest = CommentService.MAX_THREAD_LEVELS - 1;
    ReplyParent secondDeepest = new ReplyParent(ARTICLE, false, deepest - 1);
    ReplyParent atTheBottom = new ReplyParent(ARTICLE, false, deepest);

    assertThat(ReplyParent.depthOfComment(ARTICLE, 40L, Optional.of(secondDeepest)))
        .isEqualTo(deepest);
    assertRefused(Optional.of(atTheBottom), "deepest level");
  }

  @Test
  void aMissingParentOrOneOfAnotherArticleIsRefused() {
    assertRefused(Optional.empty(), "belongs to this article");
    assertRefused(Optional.of(new ReplyParent(ARTICLE + 1, false, 0)), "belongs to this article");
  }

  @Test
  void aDeletedCommentTakesNoReplies() {
    assertRefused(Optional.of(new ReplyParent(ARTICLE, true, 0)), "deleted");
  }

  private static void assertRefused(Optional<ReplyParent> parent, String reason) {
    assertThatThrownBy(() -> ReplyParent.depthOfComment(ARTICLE, 40L, parent))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
              assertThat(e.errors())
                  .extracting(Problem.FieldError::field)
                  .containsExactly("parentId");
              assertThat(e.errors().get(0).message()).contains(reason);
            });
  }
}
