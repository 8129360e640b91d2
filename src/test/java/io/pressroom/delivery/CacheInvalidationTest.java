package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only writes that change something public empty the response cache: readers' profiles and drafts
 * cannot be used to flush it.
 */
@QuarkusTest
class CacheInvalidationTest {

  @Inject Fixtures fixtures;
  @Inject Users users;

  private String cachedPage() {
    String slug = fixtures.article(fixtures.author()).create();
    String path = "/api/v1/articles/" + slug;
    given().get(path).then().statusCode(200);
    given().get(path).then().statusCode(200).header("X-Cache", "hit");
    return path;
  }

  private static void stillCached(String path) {
    given().get(path).then().statusCode(200).header("X-Cache", equalTo("hit"));
  }

  private static void invalidated(String path) {
    given().get(path).then().statusCode(200).header("X-Cache", equalTo("miss"));
  }

  private static Map<String, Object> draft(String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("summary", "Not public yet.");
    body.put("body", "Draft text.");
    body.put("tags", List.of("Linux"));
    return body;
  }

  @Test
  void aReaderChangingTheirProfileLeavesTheCacheAlone() {
    String path = cachedPage();
    Users.User reader = users.reader();
    reader.json().body("{}").patch("/api/v1/me").then().statusCode(200);
    stillCached(path);
    reader
        .json()
        .body(Map.of("name", "A new name", "bio", "Reads things."))
        .patch("/api/v1/me")
        .then()
        .statusCode(200);
    stillCached(path);
  }

  @Test
  void anAuthorsDraftsAndUnchangedProfileLeaveTheCacheAlone() {
    String path = cachedPage();
    Users.User author = users.author();
    String draft =
        author
            .json()
            .body(draft("Draft " + Fixtures.unique("d")))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("slug");
    stillCached(path);
    author
        .json()
        .body(Map.of("summary", "Still a draft."))
        .patch("/api/v1/articles/" + draft)
        .then()
        .statusCode(200);
    stillCached(path);
    author.request().delete("/api/v1/articles/" + draft).then().statusCode(204);
    stillCached(path);
    author.json().body("{}").patch("/api/v1/me").then().statusCode(200);
    stillCached(path);
  }

  @Test
  void anAdminUpdateThatChangesNothingLeavesTheCacheAlone() {
    String path = cachedPage();
    Users.User author = users.author();
    users
        .admin()
        .json()
        .body(Map.of("role", "author", "disabled", false))
        .patch("/api/v1/accounts/" + author.handle())
        .then()
        .statusCode(200);
    stillCached(path);
  }

  @Test
  void publicChangesStillInvalidate() {
    String path = cachedPage();
    users
        .author()
        .json()
        .body(Map.of("bio", "Writes about kernels."))
        .patch("/api/v1/me")
        .then()
        .statusCode(200);
    invalidated(path);

    path = cachedPage();
    Users.User reader = users.reader();
    users
        .admin()
        .json()
        .body(Map.of("role", "author"))
        .patch("/api/v1/accounts/" + reader.handle())
        .then()
        .statusCode(200);
    invalidated(path);

    Users.User editor = users.editor();
    String slug = fixtures.article(fixtures.author()).create();
    path = cachedPage();
    editor
        .json()
        .body(Map.of("summary", "A corrected summary."))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);
    invalidated(path);
  }
}
