package io.pressroom.limit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pressroom.delivery.RateLimitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The address limit over HTTP is counted in the database: what a second instance (here a second
 * {@link Limiter} on the same database) already admitted leaves this one only the rest.
 */
@QuarkusTest
@TestProfile(RateLimitTest.StrictLimits.class)
class SharedAddressLimitTest {

  private static final int LIMIT = 40;
  private static final String CLIENT = "203.0.113.77";

  @Inject DataSource dataSource;

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  void requestsAdmittedByAnotherInstanceCountHere() {
    Limiter other =
        new Limiter(
            new Limiter.Settings(false, 0.1, 3, Duration.ofSeconds(1)),
            dataSource,
            new SimpleMeterRegistry());
    try {
      Allowance addresses = other.allowance(Limit.ADDRESS, "address", LIMIT, Duration.ofMinutes(1));
      for (int i = 0; i < 30; i++) {
        assertThat(addresses.take(CLIENT).allowed()).isTrue();
      }
      other.flush();
    } finally {
      other.close();
    }

    int allowed = 0;
    long started = System.nanoTime();
    Response limited = null;
    for (int i = 0; i < LIMIT && limited == null; i++) {
      Response response = given().header("X-Forwarded-For", CLIENT).get("/api/v1/tags");
      if (response.statusCode() == 429) {
        limited = response;
      } else {
        assertThat(response.statusCode()).isEqualTo(200);
        allowed++;
      }
    }
    assertThat(limited).as("the address ran out of requests").isNotNull();
    assertThat(limited.getHeader("Retry-After")).matches("[1-9][0-9]*");
    double seconds = (System.nanoTime() - started) / 1e9;
    int refilled = (int) Math.ceil((seconds + 1) * LIMIT / 60);
    int share = Shares.unsynchronised(LIMIT, 0.1, 3);
    assertThat(allowed).isBetween(10 - 1, 10 + share + refilled);
    assertThat(given().get(metrics).asString())
        .containsPattern("pressroom_rate_limit_rejections_total\\{limit=\"address\"[^}]*} [1-9]");
  }
}
