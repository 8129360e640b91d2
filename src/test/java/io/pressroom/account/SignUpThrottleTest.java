package io.pressroom.account;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.pressroom.support.Fixtures;
import io.pressroom.support.TightLimits;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Sign-ups from one client address are limited per hour; another address is not affected. The
 * tests' address is a trusted proxy in this profile, so X-Forwarded-For names the client.
 */
@QuarkusTest
@TestProfile(TightLimits.class)
class SignUpThrottleTest {

  private static Response signUpFrom(String address) {
    String handle = Fixtures.unique("newcomer");
    return Users.signUpRequest(handle + "@example.com", handle, handle)
        .header("X-Forwarded-For", address)
        .post("/api/v1/accounts");
  }

  @Test
  void signUpsFromOneAddressAreLimitedPerHour() {
    for (int i = 0; i < TightLimits.SIGN_UPS_PER_ADDRESS; i++) {
      signUpFrom("203.0.113.70").then().statusCode(201);
    }
    signUpFrom("203.0.113.70")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/too-many-requests"))
        .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    signUpFrom("203.0.113.71").then().statusCode(201);
  }

  @Test
  void ipv6ClientsCountByTheirSlash64() {
    for (int i = 1; i <= TightLimits.SIGN_UPS_PER_ADDRESS; i++) {
      signUpFrom("2001:db8:0:90::" + i).then().statusCode(201);
    }
    signUpFrom("2001:db8:0:90:ffff:ffff:ffff:ffff").then().statusCode(429);
    signUpFrom("2001:db8:0:91::1").then().statusCode(201);
  }
}
