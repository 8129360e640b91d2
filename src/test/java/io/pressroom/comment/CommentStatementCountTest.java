package io.pressroom.comment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing comments runs two statements whatever the page size and however many authors. */
@QuarkusTest
class CommentStatementCountTest {

  @Inject Fixtures fixtures;
  @Inject Users users;
  @Inject SqlStatements statements;

  @Test
  void theCommentListRunsTwoStatementsWhateverThePageSize() {
    String slug = fixtures.article(fixtures.author()).create();
    List<Users.User> readers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      readers.add(users.reader());
    }
    long parent = CommentApiTest.post(readers.get(0), slug, "Root.");
    for (int i = 0; i < 30; i++) {
      CommentApiTest.post(readers.get(i % 3), slug, "Comment " + i, i % 2 == 0 ? parent : null);
    }
    readers.get(0).request().delete("/api/v1/comments/" + parent).then().statusCode(204);
    String path = CommentApiTest.commentsOf(slug);
    // The first cursor of an installation loads its signing key once.
    given().get(path + "?limit=1").then().statusCode(200);

    String cursor = given().get(path + "?limit=5").then().extract().path("page.next");
    long small = count(path + "?limit=2");
    long large = count(path + "?limit=100");
    long next = count(path + "?limit=10&cursor=" + cursor);
    long empty = count(CommentApiTest.commentsOf(fixtures.article(fixtures.author()).create()));
    assertThat(small).isEqualTo(2);
    assertThat(large).isEqualTo(2);
    assertThat(next).isEqualTo(2);
    assertThat(empty).isEqualTo(1);
  }

  private long count(String path) {
    return statements.countDuring(() -> given().get(path).then().statusCode(200));
  }
}
