package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pressroom.web.ProblemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one 404-or-410 decision every lookup of an article shares (no database). */
class ArticleGatewayDecisionTest {

  private record Stored(String slug, boolean deleted, boolean visible) {}

  private static Stored require(Optional<Stored> stored) {
    return ArticleGateway.require(
        stored, "No article has the slug 'x'.", Stored::deleted, Stored::visible, Stored::slug);
  }

  private static int status(Optional<Stored> stored) {
    try {
      require(stored);
      return 200;
    } catch (ProblemException e) {
      return e.type().status();
    }
  }

  @Test
  void absentOrHiddenIsNotFoundAndDeletedIsGone() {
    assertThat(status(Optional.empty())).isEqualTo(404);
    assertThat(status(Optional.of(new Stored("x", false, false)))).isEqualTo(404);
    assertThat(status(Optional.of(new Stored("x", true, false)))).isEqualTo(410);
    assertThat(status(Optional.of(new Stored("x", true, true)))).isEqualTo(410);
    assertThat(status(Optional.of(new Stored("x", false, true)))).isEqualTo(200);
  }

  @Test
  void messagesNameTheArticle() {
    assertThatThrownBy(() -> require(Optional.empty())).hasMessage("No article has the slug 'x'.");
    assertThatThrownBy(() -> require(Optional.of(new Stored("gone-one", true, false))))
        .hasMessage("The article 'gone-one' has been deleted.");
    assertThat(ArticleGateway.notFoundMessage("y")).isEqualTo("No article has the slug 'y'.");
  }
}
