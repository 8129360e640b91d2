package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Eventually;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A token that verified once is remembered, but never past its expiry. */
@QuarkusTest
class RememberedTokenTest {

  @Inject Users users;
  @Inject TokenKeys keys;

  @Test
  void aRememberedTokenStopsWorkingWhenItExpires() {
    Users.User user = users.reader();
    String token =
        AccessTokenTest.token(
            keys.privateKey(),
            keys.keyId(),
            AccessTokenTest.AUDIENCE,
            user,
            "pressroom",
            Instant.now().plusSeconds(3));
    assertThat(status(token)).isEqualTo(200);
    assertThat(status(token)).isEqualTo(200);

    int last = Eventually.within(Duration.ofSeconds(10), () -> status(token), s -> s == 401);
    assertThat(last).isEqualTo(401);
  }

  private static int status(String token) {
    return given()
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/articles?limit=1")
        .then()
        .extract()
        .statusCode();
  }
}
