package io.pressroom.comment;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The write mix's requests each find the article, change the reader's row and move the article's
 * counter in one statement; a comment adds only its webhook outbox row (issue 14).
 */
@QuarkusTest
class WriteStatementCountTest {

  @Inject Fixtures fixtures;
  @Inject Users users;
  @Inject SqlStatements statements;

  @Test
  void aLikeAnUnlikeAndACommentOnTheArticleRunOneStatementEachBesideTheOutbox() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    String like = "/api/v1/articles/" + slug + "/like";
    // The reader's session check is read once and then remembered.
    reader.request().get("/api/v1/articles/" + slug).then().statusCode(200);
    reader.request().get("/api/v1/articles/" + slug).then().statusCode(200);

    long liked = statements.countDuring(() -> reader.request().put(like).then().statusCode(204));
    long likedAgain =
        statements.countDuring(() -> reader.request().put(like).then().statusCode(204));
    long unliked =
        statements.countDuring(() -> reader.request().delete(like).then().statusCode(204));
    long unlikedAgain =
        statements.countDuring(() -> reader.request().delete(like).then().statusCode(204));
    long commented =
        statements.countDuring(() -> CommentApiTest.post(reader, slug, "One round trip."));

    assertThat(liked).isEqualTo(1);
    assertThat(likedAgain).isEqualTo(1);
    assertThat(unliked).isEqualTo(1);
    assertThat(unlikedAgain).isEqualTo(1);
    assertThat(commented).isEqualTo(2);
  }
}
