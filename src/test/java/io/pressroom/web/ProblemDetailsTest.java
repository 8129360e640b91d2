package io.pressroom.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

  @Test
  void unknownRouteIsANotFoundProblem() {
    Response response =
        given()
            .get("/api/v1/no-such-thing")
            .then()
            .statusCode(404)
            .contentType("application/problem+json")
            .body("type", equalTo("/problems/not-found"))
            .body("title", equalTo("Not found"))
            .body("status", equalTo(404))
            .body("instance", equalTo("/api/v1/no-such-thing"))
            .extract()
            .response();
    assertThat(response.jsonPath().getMap("").keySet())
        .isEqualTo(Set.of("type", "title", "status", "detail", "instance"));
  }

  @Test
  void wrongMethodIsAMethodNotAllowedProblem() {
    given()
        .delete("/api/v1/tags")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/method-not-allowed"))
        .body("status", equalTo(405));
  }

  @Test
  void unexpectedFailureIsA500ProblemWithAReferenceAndNoInternals() {
    Response response =
        given()
            .get("/test-only/failure")
            .then()
            .statusCode(500)
            .contentType("application/problem+json")
            .body("type", equalTo("/problems/internal"))
            .body("title", equalTo("Internal server error"))
            .body("status", equalTo(500))
            .body("detail", matchesPattern(".*reference [0-9a-f-]{36}.*"))
            .extract()
            .response();
    assertThat(response.asString())
        .doesNotContain("IllegalStateException")
        .doesNotContain("secret")
        .doesNotContain("SELECT")
        .doesNotContain("org.postgresql")
        .doesNotContain("at io.");
  }

  @Test
  void aDatabaseThatHasGoneAwayIsA503ProblemSayingWhenToRetry() {
    Response response =
        given()
            .get("/test-only/failure/database-gone")
            .then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("Retry-After", "5")
            .header("Cache-Control", "no-store")
            .body("type", equalTo("/problems/unavailable"))
            .body("status", equalTo(503))
            .body("detail", equalTo("The database is not reachable right now; try again shortly."))
            .extract()
            .response();
    assertThat(response.asString()).doesNotContain("backend").doesNotContain("08006");
  }

  @Test
  void unacceptableMediaTypeIsAProblem() {
    given()
        .accept("application/xml")
        .get("/api/v1/tags")
        .then()
        .statusCode(406)
        .contentType("application/problem+json");
  }
}
