package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.pressroom.support.Concurrently;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Every password check spends from the account's allowance first (5 per window by default), so
 * parallel guesses cannot all slip through before the first failure is counted.
 */
@QuarkusTest
class PasswordGuessingTest {

  private static final int PER_EMAIL = 5;

  @Inject Users users;

  private static int signIn(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/token")
        .statusCode();
  }

  private static List<Integer> parallelGuesses(String email, int count) throws Exception {
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String guess = "wrong-guess-" + i;
      guesses.add(() -> signIn(email, guess));
    }
    return Concurrently.run(count, guesses);
  }

  @Test
  void aParallelBurstOfGuessesGetsAtMostTheAllowanceChecked() throws Exception {
    Users.User victim = users.reader();
    List<Integer> statuses = parallelGuesses(victim.email(), 16);
    assertThat(statuses).containsOnly(401, 429);
    assertThat(Collections.frequency(statuses, 401)).isLessThanOrEqualTo(PER_EMAIL);
    assertThat(signIn(victim.email(), Users.PASSWORD)).isEqualTo(429);
  }

  @Test
  void theRightPasswordAfterFewerGuessesWorksAndCostsNothing() throws Exception {
    Users.User user = users.reader();
    assertThat(parallelGuesses(user.email(), PER_EMAIL - 1)).containsOnly(401);
    assertThat(signIn(user.email(), Users.PASSWORD)).isEqualTo(200);
    assertThat(signIn(user.email(), Users.PASSWORD)).isEqualTo(200);
    // The successes gave their attempt back: one wrong guess is left, then the account waits.
    assertThat(signIn(user.email(), "one-more-wrong")).isEqualTo(401);
    assertThat(signIn(user.email(), "and-another-one")).isEqualTo(429);
  }

  @Test
  void wrongCurrentPasswordsOnProfileChangesAreThrottledLikeSignIns() {
    Users.User user = users.reader();
    Map<String, String> guess =
        Map.of("password", "a brand new password", "currentPassword", "not my password");
    for (int i = 0; i < PER_EMAIL; i++) {
      user.json().body(guess).patch("/api/v1/me").then().statusCode(400);
    }
    user.json()
        .body(Map.of("password", "a brand new password", "currentPassword", Users.PASSWORD))
        .patch("/api/v1/me")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/too-many-requests"))
        .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    assertThat(signIn(user.email(), Users.PASSWORD)).isEqualTo(429);
  }

  @Test
  void theRightCurrentPasswordCostsNothing() {
    // A password change ends every session of the account, so each round signs in afresh.
    Users.User user = users.reader();
    for (int i = 0; i < PER_EMAIL + 2; i++) {
      String token =
          given()
              .contentType(ContentType.JSON)
              .body(Map.of("email", user.email(), "password", Users.PASSWORD))
              .post("/api/v1/auth/token")
              .then()
              .statusCode(200)
              .extract()
              .path("accessToken");
      given()
          .header("Authorization", "Bearer " + token)
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "name",
                  "Renamed " + i,
                  "currentPassword",
                  Users.PASSWORD,
                  "password",
                  Users.PASSWORD))
          .patch("/api/v1/me")
          .then()
          .statusCode(200);
    }
    assertThat(signIn(user.email(), Users.PASSWORD)).isEqualTo(200);
  }
}
