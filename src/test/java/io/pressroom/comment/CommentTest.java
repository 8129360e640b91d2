package io.pressroom.comment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pressroom.account.CurrentUser;
import io.pressroom.account.Role;
import io.pressroom.web.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommentTest {

  private static final long AUTHOR = 11;

  private final Comment comment =
      new Comment(
          new CommentView(1, null, "Text", "<p>Text</p>\n", null, Instant.EPOCH, null, false),
          true,
          AUTHOR,
          5,
          "an-article",
          false,
          true);

  @Test
  void onlyTheAuthorEditsEvenAgainstAnAdmin() {
    assertThatCode(() -> comment.checkEditableBy(caller(AUTHOR, Role.READER)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> comment.checkEditableBy(caller(12, Role.ADMIN)))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void theAuthorOrAnEditorDeletes() {
    assertThatCode(() -> comment.checkDeletableBy(caller(AUTHOR, Role.READER)))
        .doesNotThrowAnyException();
    assertThatCode(() -> comment.checkDeletableBy(caller(12, Role.EDITOR)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> comment.checkDeletableBy(caller(12, Role.AUTHOR)))
        .isInstanceOf(ProblemException.class);
  }

  private static CurrentUser.Caller caller(long accountId, Role role) {
    return new CurrentUser.Caller(accountId, "someone", role);
  }
}
