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

  @Test
  void repeatedFailuresFromOneAddressAreThrottledAcrossEmails() {
    for (int i = 0; i < 3; i++) {
      given()
          .contentType(ContentType.JSON)
          .body(guess())
          .post("/api/v1/auth/token")
          .then()
          .statusCode(401);
    }
    given()
        .contentType(ContentType.JSON)
        .body(guess())
        .post("/api/v1/auth/token")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue());
  }
}
