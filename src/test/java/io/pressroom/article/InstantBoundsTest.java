package io.pressroom.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instants PostgreSQL cannot hold, or nobody means, are 400 problems rather than 500s. */
@QuarkusTest
class InstantBoundsTest {

  @Inject Users users;
  @Inject Fixtures fixtures;

  @Test
  void listingFiltersOutsideTheYears1970To9999AreRefusedByName() {
    for (String parameter : new String[] {"publishedAfter", "publishedBefore", "updatedSince"}) {
      for (String value :
          new String[] {"-4714-01-01", "+999999999-12-31T00:00:00Z", "1969-12-31", "10000-01-01"}) {
        given()
            .queryParam(parameter, value)
            .get("/api/v1/articles")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("errors[0].field", equalTo(parameter));
      }
    }
  }

  @Test
  void publishingAtAnInstantOutsideTheYears1970To9999IsRefused() {
    Account author = fixtures.author();
    String slug = fixtures.article(author).create();
    Users.User editor = users.editor();

    for (String at : new String[] {"-4714-01-01T00:00:00Z", "+294277-01-01T00:00:00Z"}) {
      editor
          .json()
          .body(Map.of("at", at))
          .post("/api/v1/articles/" + slug + "/publish")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("at"));
    }
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("status", equalTo("published"));
  }
}
