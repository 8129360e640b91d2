package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@TestProfile(RateLimitTest.StrictLimits.class)
// The first test drains the address the others sign up from.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class RateLimitTest {

  static final int UNKNOWN_KEYS = 5;

  public static class StrictLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "pressroom.rate-limit.anonymous-per-minute", "40",
          "pressroom.rate-limit.account-per-minute", "60",
          "pressroom.rate-limit.api-key-per-minute", "90",
          "pressroom.rate-limit.unknown-api-keys-per-minute", Integer.toString(UNKNOWN_KEYS),
          // The tests' address is a trusted proxy here: X-Forwarded-For picks a fresh client.
          "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
    }
  }

  @Inject Users users;
  @Inject SqlStatements statements;

  @TestHTTPResource(value = "health/live", management = true)
  URL liveness;

  @TestHTTPResource(value = "health/ready", management = true)
  URL readiness;

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  @Order(2)
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

  @Test
  @Order(1)
  void madeUpKeysCountAgainstTheAddressLimit() {
    int unauthorized = 0;
    long started = System.nanoTime();
    Response limited = null;
    for (int i = 0; i < 100 && limited == null; i++) {
      Response response =
          given()
              .header("X-Forwarded-For", "198.51.100.10")
              .header("X-Api-Key", "made-up-" + i)
              .get("/api/v1/tags");
      if (response.statusCode() == 429) {
        limited = response;
      } else {
        assertThat(response.statusCode()).isEqualTo(401);
        unauthorized++;
      }
    }
    assertThat(limited).as("made-up keys ran into the address limit").isNotNull();
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(unauthorized).isLessThanOrEqualTo(40 + (int) Math.ceil(seconds * 40 / 60));
    assertThat(limited.jsonPath().getString("type")).isEqualTo("/problems/too-many-requests");
    assertThat(limited.getHeader("RateLimit-Limit")).isEqualTo("40");
  }

  @Test
  @Order(1)
  void failedKeyLookupsAreThrottledBeforeTheDatabase() {
    for (int i = 0; i < UNKNOWN_KEYS; i++) {
      given()
          .header("X-Forwarded-For", "198.51.100.11")
          .header("X-Api-Key", "prk_madeUpKeyNumber" + i)
          .get("/api/v1/tags")
          .then()
          .statusCode(401);
    }
    long sql =
        statements.countDuring(
            () -> {
              for (int i = 0; i < 10; i++) {
                given()
                    .header("X-Forwarded-For", "198.51.100.11")
                    .header("X-Api-Key", "prk_anotherMadeUpKey" + i)
                    .get("/api/v1/tags")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"));
              }
            });
    assertThat(sql).as("statements run for throttled look-ups").isZero();
  }

  @Test
  @Order(1)
  void aRecognisedKeyIsNotHeldToTheAddressLimit() {
    String key =
        users
            .admin()
            .json()
            .body(Map.of("name", "busy aggregator"))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    for (int i = 0; i < 60; i++) {
      given()
          .header("X-Forwarded-For", "198.51.100.12")
          .header("X-Api-Key", key)
          .get("/api/v1/tags")
          .then()
          .statusCode(200)
          .header("RateLimit-Limit", equalTo("90"));
    }
    given()
        .header("X-Forwarded-For", "198.51.100.12")
        .get("/api/v1/tags")
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", equalTo("40"));
  }
}
