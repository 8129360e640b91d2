package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account and session check of a signed-in request is remembered per instance (a kept answer
 * then costs no statement), and a demotion, a disabling, a logout or a deletion still takes effect
 * on the next request: at once when made on this instance, within a second when made on another.
 * Another instance is played by a plain JDBC connection writing the rows as its services would; the
 * database announces the change itself (V14).
 */
@QuarkusTest
class RememberedSessionTest {

  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

  @Inject Users users;
  @Inject Fixtures fixtures;
  @Inject SqlStatements statements;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  private String kept;

  @BeforeEach
  void keepATagPage() {
    String tag = fixtures.tag();
    fixtures.article(fixtures.author()).tags(tag).create();
    kept = "/api/v1/tags/" + tag + "/articles";
    given().get(kept).then().statusCode(200);
    given().get(kept).then().header("X-Cache", "hit");
  }

  @Test
  void aDemotionHereTakesEffectAtOnce() {
    Users.User editor = users.editor();
    remembered(editor);
    editor.request().get("/api/v1/articles?status=draft").then().statusCode(200);

    users
        .admin()
        .json()
        .body(Map.of("role", "reader"))
        .patch("/api/v1/accounts/" + editor.handle())
        .then()
        .statusCode(200);

    editor.request().get("/api/v1/articles?status=draft").then().statusCode(403);
  }

  @Test
  void disablingHereTakesEffectAtOnce() {
    Users.User reader = users.reader();
    remembered(reader);

    users
        .admin()
        .json()
        .body(Map.of("disabled", true))
        .patch("/api/v1/accounts/" + reader.handle())
        .then()
        .statusCode(200);

    reader.request().get(kept).then().statusCode(401);
  }

  @Test
  void aLogoutHereTakesEffectAtOnce() {
    Users.User reader = users.reader();
    remembered(reader);

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", reader.refreshToken()))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);

    reader.request().get(kept).then().statusCode(401);
  }

  @Test
  void aDemotionElsewhereTakesEffectWithinASecond() throws SQLException {
    Users.User editor = users.editor();
    remembered(editor);

    otherInstance("update accounts set role = 'reader' where id = ?", editor.id());

    Eventually.within(
        WITHIN_A_SECOND,
        () -> editor.request().get("/api/v1/articles?status=draft").statusCode(),
        status -> status == 403);
    editor.request().get(kept).then().statusCode(200);
  }

  @Test
  void disablingElsewhereTakesEffectWithinASecond() throws SQLException {
    Users.User reader = users.reader();
    Users.User other = users.reader();
    remembered(reader);
    remembered(other);

    otherInstance("update accounts set disabled = true where id = ?", reader.id());

    refusedWithinASecond(reader);
    // Only that account's checks were forgotten.
    assertThat(statements.countDuring(() -> other.request().get(kept).then().statusCode(200)))
        .isZero();
  }

  @Test
  void aLogoutElsewhereTakesEffectWithinASecond() throws SQLException {
    Users.User reader = users.reader();
    remembered(reader);

    otherInstance(
        "update refresh_tokens set revoked_at = now() where account_id = ? and revoked_at is null",
        reader.id());

    refusedWithinASecond(reader);
  }

  @Test
  void aDeletionElsewhereTakesEffectWithinASecond() throws SQLException {
    Users.User reader = users.reader();
    remembered(reader);

    otherInstance("delete from accounts where id = ?", reader.id());

    refusedWithinASecond(reader);
  }

  @Test
  void rotatingARefreshTokenForgetsNothing() {
    Users.User reader = users.reader();
    remembered(reader);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", reader.refreshToken()))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(200);
    assertThat(statements.countDuring(() -> reader.request().get(kept).then().statusCode(200)))
        .isZero();
  }

  /** The reader's check is remembered: a kept answer costs no statement. */
  private void remembered(Users.User reader) {
    reader.request().get(kept).then().statusCode(200);
    assertThat(statements.countDuring(() -> reader.request().get(kept).then().statusCode(200)))
        .isZero();
  }

  private void refusedWithinASecond(Users.User reader) {
    Eventually.within(
        WITHIN_A_SECOND, () -> reader.request().get(kept).statusCode(), status -> status == 401);
  }

  /** Another instance's write: its own transaction, no message but the database's own. */
  private void otherInstance(String sql, long accountId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, accountId);
      assertThat(statement.executeUpdate()).isPositive();
    }
  }
}
