package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failed sign-ins from one client address are throttled whatever emails they try. */
@QuarkusTest
@TestProfile(AddressThrottleTest.StrictAddressLimit.class)
class AddressThrottleTest {

  public static class StrictAddressLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("pressroom.sign-in.failures-per-address", "3");
    }
  }

  private static Map<String, String> guess() {
    return Map.of("email", Fixtures.unique("guess") + "@example.com", "password", "guessing!!");
  }

  /**
   * The test profile reads forwarded headers only from 192.0.2.1: from this untrusted peer, a new
   * X-Forwarded-For (or Forwarded) on every guess does not make it a new client.
   */
  @Test
  void repeatedFailuresFromOneAddressAreThrottledAcrossEmails() {
    for (int i = 0; i < 3; i++) {
      given()
          .header("X-Forwarded-For", "203.0.113." + (10 + i))
          .header("Forwarded", "for=203.0.113." + (20 + i))
          .contentType(ContentType.JSON)
          .body(guess())
          .post("/api/v1/auth/token")
          .then()
          .statusCode(401);
    }
    given()
        .header("X-Forwarded-For", "2001:db8:77::1")
        .contentType(ContentType.JSON)
        .body(guess())
        .post("/api/v1/auth/token")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue());
  }
}
