package io.pressroom.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The newest listing's total comes from a kept count of live articles (V16) less the scheduled
 * ones: it must stay the exact number of public articles through every change of state.
 */
@QuarkusTest
class EverythingTotalTest {

  @Inject Users users;
  @Inject DataSource dataSource;

  @Test
  void theTotalOfEveryPublicArticleStaysExact() {
    Users.User author = users.author();
    Users.User editor = users.editor();
    assertTotalIsTheCount();

    String published = write(author);
    editor.request().post("/api/v1/articles/" + published + "/publish").then().statusCode(200);
    assertTotalIsTheCount();

    String scheduled = write(author);
    editor
        .json()
        .body(Map.of("at", Instant.now().plusSeconds(3600).toString()))
        .post("/api/v1/articles/" + scheduled + "/publish")
        .then()
        .statusCode(200);
    assertTotalIsTheCount();

    editor.request().post("/api/v1/articles/" + published + "/unpublish").then().statusCode(200);
    assertTotalIsTheCount();

    editor.request().post("/api/v1/articles/" + published + "/publish").then().statusCode(200);
    editor.request().delete("/api/v1/articles/" + published).then().statusCode(204);
    editor.request().delete("/api/v1/articles/" + scheduled).then().statusCode(204);
    assertTotalIsTheCount();
  }

  private void assertTotalIsTheCount() {
    long counted = count("select count(*) from articles a where " + PublicArticles.condition("a"));
    long shown =
        given()
            .get("/api/v1/articles?limit=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("page.total");
    assertEquals(counted, shown);
    // And the kept number itself is every live article, scheduled ones included.
    assertEquals(
        count("select count(*) from articles a where article_is_live(a.status, a.deleted_at)"),
        count("select live from live_article_count"));
  }

  private long count(String sql) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Users.User author) {
    return author
        .json()
        .body(
            Map.of(
                "title",
                "Counted " + Fixtures.unique("a"),
                "summary",
                "A summary.",
                "body",
                "Some text.",
                "tags",
                List.of()))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }
}
