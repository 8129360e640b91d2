package io.pressroom.tag;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tag names match ignoring case as PostgreSQL lower-cases them, whatever Java would do: "İ" is "i"
 * to PostgreSQL and "i̇" (with a dot) to Java, and a name lower-cased on both sides never matched.
 */
@QuarkusTest
class TagNameCaseTest {

  @Inject Users users;

  @Test
  void namesWhoseLowerCaseDiffersBetweenJavaAndPostgresqlWork() {
    String suffix = Fixtures.unique("x");
    String name = "İstanbul " + suffix;
    Users.User author = users.author();
    Map<String, Object> article =
        Map.of(
            "title",
            Fixtures.unique("Bosphorus"),
            "summary",
            "A summary.",
            "body",
            "A body.",
            "tags",
            List.of(name));

    author.json().body(article).post("/api/v1/articles").then().statusCode(201);
    author
        .json()
        .body(
            Map.of(
                "title",
                Fixtures.unique("Again"),
                "summary",
                "S.",
                "body",
                "B.",
                "tags",
                List.of("istanbul " + suffix)))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .body("tags.name", hasItem(name));
    given().get("/api/v1/tags?limit=100").then().statusCode(200);
    users
        .editor()
        .json()
        .body(Map.of("name", "ISTANBUL " + suffix))
        .post("/api/v1/tags")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/conflict"));
  }
}
