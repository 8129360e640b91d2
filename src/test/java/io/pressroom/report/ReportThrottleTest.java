package io.pressroom.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.pressroom.support.Fixtures;
import io.pressroom.support.TightLimits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One client address files a few reports, then waits. */
@QuarkusTest
@TestProfile(TightLimits.class)
class ReportThrottleTest {

  @Inject Fixtures fixtures;

  @Test
  void reportsFromOneAddressAreThrottled() {
    String slug = fixtures.article(fixtures.author()).create();
    String other = fixtures.article(fixtures.author()).create();
    Map<String, String> body = Map.of("reason", "Please review this article, it is not ours.");
    for (int i = 0; i < TightLimits.REPORTS_PER_ADDRESS; i++) {
      given()
          .contentType(ContentType.JSON)
          .body(body)
          .post(ReportApiTest.reportsOf(i % 2 == 0 ? slug : other))
          .then()
          .statusCode(201);
    }
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post(ReportApiTest.reportsOf(other))
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/too-many-requests"))
        .body("status", equalTo(429))
        .header("Retry-After", matchesPattern("[1-9][0-9]*"));
  }
}
