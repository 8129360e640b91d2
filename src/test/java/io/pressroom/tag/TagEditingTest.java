package io.pressroom.tag;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TagEditingTest {

  @Inject Users users;
  @Inject Fixtures fixtures;

  @Test
  void editorsCreateTagsWithUniqueNames() {
    Users.User editor = users.editor();
    String name = "Wasm " + Fixtures.unique("x");
    String slug =
        editor
            .json()
            .body(Map.of("name", name, "description", "Runtimes."))
            .post("/api/v1/tags")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/tags/"))
            .body("name", equalTo(name))
            .body("description", equalTo("Runtimes."))
            .body("articles", equalTo(0))
            .extract()
            .path("slug");
    given().get("/api/v1/tags/" + slug).then().statusCode(200).body("name", equalTo(name));

    editor
        .json()
        .body(Map.of("name", name.toUpperCase()))
        .post("/api/v1/tags")
        .then()
        .statusCode(409)
        .body("errors.field", hasItem("name"));
    editor
        .json()
        .body(Map.of("name", ""))
        .post("/api/v1/tags")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
    users
        .author()
        .json()
        .body(Map.of("name", "Nope " + Fixtures.unique("x")))
        .post("/api/v1/tags")
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .body(Map.of("name", "Anon"))
        .post("/api/v1/tags")
        .then()
        .statusCode(401);
  }

  @Test
  void renamingKeepsTheSlugAndShowsOnArticles() {
    Users.User editor = users.editor();
    String slug = fixtures.tag();
    String article = fixtures.article(fixtures.author()).tags(slug).create();
    given().get("/api/v1/articles/" + article).then().body("tags.name", contains(slug));

    String newName = "Renamed " + Fixtures.unique("x");
    editor
        .json()
        .body(Map.of("name", newName))
        .patch("/api/v1/tags/" + slug)
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug))
        .body("name", equalTo(newName));
    given().get("/api/v1/articles/" + article).then().body("tags.name", contains(newName));
    given().get("/api/v1/tags/" + slug).then().body("name", equalTo(newName));
    editor
        .json()
        .body(Map.of("slug", "other"))
        .patch("/api/v1/tags/" + slug)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("slug"));
    editor
        .json()
        .body(Map.of("name", "x"))
        .patch("/api/v1/tags/no-such-tag-here")
        .then()
        .statusCode(404);
  }

  @Test
  void deletingATagTakesItOffItsArticles() {
    Users.User editor = users.editor();
    String slug = fixtures.tag();
    String article = fixtures.article(fixtures.author()).tags(slug).create();
    users.reader().request().delete("/api/v1/tags/" + slug).then().statusCode(403);

    editor.request().delete("/api/v1/tags/" + slug).then().statusCode(204);
    given().get("/api/v1/tags/" + slug).then().statusCode(404);
    given().get("/api/v1/articles/" + article).then().statusCode(200).body("tags", empty());
    editor.request().delete("/api/v1/tags/" + slug).then().statusCode(404);
  }
}
