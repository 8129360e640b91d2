package io.pressroom.account;

import static io.restassured.RestAssured.given;

import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An access token belongs to a session (its refresh token family) and stops working the moment that
 * session ends, not when the token expires.
 */
@QuarkusTest
class SessionEndTest {

  @Inject Users users;

  private static JsonPath signIn(Users.User user, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", user.email(), "password", password))
        .post("/api/v1/auth/token")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath refresh(String refreshToken, int status) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", refreshToken))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  private static void works(String accessToken) {
    given()
        .header("Authorization", "Bearer " + accessToken)
        .get("/api/v1/me")
        .then()
        .statusCode(200);
  }

  private static void refused(String accessToken) {
    given()
        .header("Authorization", "Bearer " + accessToken)
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void logoutEndsTheAccessTokenOfThatSessionOnly() {
    Users.User user = users.reader();
    String otherSession = signIn(user, Users.PASSWORD).getString("accessToken");

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", user.refreshToken()))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);

    refused(user.accessToken());
    works(otherSession);
  }

  @Test
  void aPasswordChangeEndsTheAccessTokensOfEverySession() {
    Users.User user = users.reader();
    String otherSession = signIn(user, Users.PASSWORD).getString("accessToken");
    works(otherSession);

    user.json()
        .body(Map.of("password", "a brand new password", "currentPassword", Users.PASSWORD))
        .patch("/api/v1/me")
        .then()
        .statusCode(200);

    refused(otherSession);
    refused(user.accessToken());
    works(signIn(user, "a brand new password").getString("accessToken"));
  }

  @Test
  void aRefreshTokenUsedTwiceEndsTheAccessTokensOfItsSession() {
    Users.User user = users.reader();
    String rotated = refresh(user.refreshToken(), 200).getString("accessToken");
    works(rotated);

    refresh(user.refreshToken(), 401);

    refused(rotated);
    refused(user.accessToken());
  }
}
