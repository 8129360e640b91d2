package io.pressroom.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Fixtures;
import io.pressroom.support.OutagePostgres;
import io.pressroom.support.Users;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really goes away under a running instance and comes back: requests that need it are
 * prompt 503 problems with Retry-After, readiness is DOWN while liveness stays UP, and the instance
 * serves again by itself once the server is back, without a restart.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

  /** The app runs on a PostgreSQL of this test's own, which the test stops and starts. */
  public static class OwnDatabase implements QuarkusTestProfile {

    static final OutagePostgres POSTGRES = new OutagePostgres();

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.jdbc.url", POSTGRES.jdbcUrl(),
          "quarkus.datasource.username", "postgres",
          "quarkus.datasource.password", "postgres");
    }
  }

  // Far below a client's or a load balancer's timeout; the configured bounds are 2 s and 3 s.
  private static final Duration PROMPT = Duration.ofSeconds(5);
  private static final Duration RECOVERY = Duration.ofSeconds(30);

  @TestHTTPResource(value = "health/ready", management = true)
  URL readiness;

  @TestHTTPResource(value = "health/live", management = true)
  URL liveness;

  @Inject Users users;

  @Test
  void aLostDatabaseIsA503WithRetryAfterAndNotReadyThenTheInstanceRecoversByItself() {
    Users.User reader = users.reader();
    given().get("/api/v1/changes").then().statusCode(200);
    given().get(readiness).then().statusCode(200);

    OwnDatabase.POSTGRES.stop();
    try {
      unavailable("an uncached read", () -> given().get("/api/v1/changes"));
      unavailable("a write", () -> signUp().post("/api/v1/accounts"));
      unavailable("a signed-in read", () -> reader.request().get("/api/v1/me"));
      unavailable("the same read again", () -> given().get("/api/v1/changes"));
      given().get(readiness).then().statusCode(503).body("status", equalTo("DOWN"));
      given().get(liveness).then().statusCode(200).body("status", equalTo("UP"));
    } finally {
      OwnDatabase.POSTGRES.start();
    }

    long deadline = System.nanoTime() + RECOVERY.toNanos();
    while (given().get(readiness).statusCode() != 200
        || given().get("/api/v1/changes").statusCode() != 200) {
      assertThat(System.nanoTime()).as("recovered within %s", RECOVERY).isLessThan(deadline);
      pause();
    }
    signUp().post("/api/v1/accounts").then().statusCode(201);
    reader.request().get("/api/v1/me").then().statusCode(200);
  }

  private static void unavailable(String what, Supplier<Response> request) {
    long start = System.nanoTime();
    Response response = request.get();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    response
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "5")
        .body("type", equalTo("/problems/unavailable"))
        .body("status", equalTo(503));
    assertThat(took).as("%s answered promptly", what).isLessThan(PROMPT);
  }

  private static RequestSpecification signUp() {
    String handle = Fixtures.unique("outage");
    return Users.signUpRequest(handle + "@example.com", handle, handle);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
