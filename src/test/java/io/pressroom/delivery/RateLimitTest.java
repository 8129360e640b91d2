package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Users;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.StrictLimits.class)
class RateLimitTest {

  public static class StrictLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "pressroom.rate-limit.anonymous-per-minute", "40",
          "pressroom.rate-limit.account-per-minute", "60",
          "pressroom.rate-limit.api-key-per-minute", "90");
    }
  }

  @Inject Users users;

  @TestHTTPResource(value = "health/live", management = true)
  URL liveness;

  @TestHTTPResource(value = "health/ready", management = true)
  URL readiness;

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  void eachKindOfClientHasItsOwnAllowanceAndHealthIsNeverLimited() {
    Users.User admin = users.admin();
    String key =
        admin
            .json()
            .body(Map.of("name", "aggregator"))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");

    int allowed = 0;
    long started = System.nanoTime();
    Response limited = null;
    for (int i = 0; i < 100 && limited == null; i++) {
      Response response = given().get("/api/v1/tags");
      if (response.statusCode() == 429) {
        limited = response;
      } else {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("40");
        allowed++;
      }
    }
    assertThat(limited).as("the anonymous limit answered 429").isNotNull();
    // The bucket refills smoothly (40 a minute), so a slow loop earns a few more.
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(allowed).isLessThanOrEqualTo(40 + (int) Math.ceil(seconds * 40 / 60));
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.jsonPath().getString("type")).isEqualTo("/problems/too-many-requests");
    assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isPositive();
    assertThat(limited.getHeader("RateLimit-Remaining")).isEqualTo("0");

    given().get(readiness).then().statusCode(200);
    given().get(liveness).then().statusCode(200);
    given().get(metrics).then().statusCode(200);

    given()
        .header("X-Api-Key", key)
        .get("/api/v1/tags")
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", equalTo("90"));
    admin
        .request()
        .get("/api/v1/tags")
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", equalTo("60"));
  }
}
