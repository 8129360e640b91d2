package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountAdministrationTest {

  @Inject Users users;

  @Test
  void adminsListAccountsWithTheirEmails() {
    Users.User admin = users.admin();
    Users.User reader = users.reader();
    admin
        .request()
        .queryParam("limit", 100)
        .get("/api/v1/accounts")
        .then()
        .statusCode(200)
        .body("page.total", notNullValue())
        .body("items[0].email", notNullValue());
    reader
        .request()
        .get("/api/v1/accounts")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().get("/api/v1/accounts").then().statusCode(401);
  }

  @Test
  void theAccountListPagesWithALinkToTheNextPage() {
    Users.User admin = users.admin();
    users.reader();
    String next =
        admin
            .request()
            .queryParam("limit", 1)
            .get("/api/v1/accounts")
            .then()
            .statusCode(200)
            .body("items", hasSize(1))
            .header(
                "Link", matchesPattern("<.*/api/v1/accounts\\?limit=1&cursor=[^>]+>; rel=\"next\""))
            .extract()
            .path("page.next");
    assertThat(
            admin
                .request()
                .queryParam("limit", 1)
                .queryParam("cursor", next)
                .get("/api/v1/accounts")
                .then()
                .statusCode(200)
                .extract()
                .header("Link"))
        .contains("rel=\"next\"")
        .doesNotContain(next);
  }

  @Test
  void aRoleChangeTakesEffectAtOnceWithTheSameToken() {
    Users.User admin = users.admin();
    Users.User reader = users.reader();
    Map<String, Object> article = Map.of("title", "T", "summary", "S", "body", "B");
    reader.json().body(article).post("/api/v1/articles").then().statusCode(403);

    admin
        .json()
        .body(Map.of("role", "author"))
        .patch("/api/v1/accounts/" + reader.handle())
        .then()
        .statusCode(200)
        .body("role", equalTo("author"));
    reader.json().body(article).post("/api/v1/articles").then().statusCode(201);
  }

  @Test
  void disablingAnAccountKeepsWhatItDidButHidesItsAuthorProfile() {
    Users.User admin = users.admin();
    Users.User author = users.author();
    Users.User reader = users.reader();
    String slug =
        users.published(
            author,
            Map.of("title", Fixtures.unique("Kept"), "summary", "Summary.", "body", "Body"));
    String article = "/api/v1/articles/" + slug;
    reader.request().put(article + "/like").then().statusCode(204);
    reader
        .json()
        .body(Map.of("body", "Still here."))
        .post(article + "/comments")
        .then()
        .statusCode(201);

    for (Users.User account : List.of(reader, author)) {
      admin
          .json()
          .body(Map.of("disabled", true))
          .patch("/api/v1/accounts/" + account.handle())
          .then()
          .statusCode(200);
    }

    given()
        .get(article)
        .then()
        .statusCode(200)
        .body("stats.likes", equalTo(1))
        .body("stats.comments", equalTo(1));
    given()
        .get(article + "/comments")
        .then()
        .statusCode(200)
        .body("items.body", hasItem("Still here."))
        .body("items.author.handle", hasItem(reader.handle()));
    given().get("/api/v1/authors/" + author.handle()).then().statusCode(404);

    admin
        .json()
        .body(Map.of("disabled", false))
        .patch("/api/v1/accounts/" + author.handle())
        .then()
        .statusCode(200);
    given().get("/api/v1/authors/" + author.handle()).then().statusCode(200);
  }

  @Test
  void aDisabledAccountsTokensStopWorkingAtOnce() {
    Users.User admin = users.admin();
    Users.User reader = users.reader();
    reader.request().get("/api/v1/me").then().statusCode(200);

    admin
        .json()
        .body(Map.of("disabled", true))
        .patch("/api/v1/accounts/" + reader.handle())
        .then()
        .statusCode(200)
        .body("disabled", equalTo(true));

    reader.request().get("/api/v1/me").then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", reader.refreshToken()))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", reader.email(), "password", Users.PASSWORD))
        .post("/api/v1/auth/token")
        .then()
        .statusCode(403);

    admin
        .json()
        .body(Map.of("disabled", false))
        .patch("/api/v1/accounts/" + reader.handle())
        .then()
        .statusCode(200);
    // Disabling ended the account's sessions: re-enabling revives none of them; signing in works.
    reader.request().get("/api/v1/me").then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", reader.email(), "password", Users.PASSWORD))
        .post("/api/v1/auth/token")
        .then()
        .statusCode(200);
  }

  @Test
  void adminsCannotLockThemselvesOutAndBadInputIsAProblem() {
    Users.User admin = users.admin();
    admin
        .json()
        .body(Map.of("role", "reader"))
        .patch("/api/v1/accounts/" + admin.handle())
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    admin
        .json()
        .body(Map.of("disabled", true))
        .patch("/api/v1/accounts/" + admin.handle())
        .then()
        .statusCode(409);
    admin
        .json()
        .body(Map.of("role", "overlord"))
        .patch("/api/v1/accounts/" + admin.handle())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
    admin
        .json()
        .body(Map.of("disabled", "yes"))
        .patch("/api/v1/accounts/" + admin.handle())
        .then()
        .statusCode(400);
    admin
        .json()
        .body(Map.of("role", "editor"))
        .patch("/api/v1/accounts/nobody-here-at-all")
        .then()
        .statusCode(404);
    Users.User editor = users.editor();
    editor
        .json()
        .body(Map.of("role", "admin"))
        .patch("/api/v1/accounts/" + editor.handle())
        .then()
        .statusCode(403);
  }
}
