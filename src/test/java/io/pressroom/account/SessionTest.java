package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionTest {

  @Inject Users users;

  private static io.restassured.response.ValidatableResponse refresh(String token) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", token))
        .post("/api/v1/auth/refresh")
        .then();
  }

  @Test
  void refreshTokensRotateAndAReusedOneRevokesItsFamily() {
    Users.User user = users.reader();
    String second =
        refresh(user.refreshToken())
            .statusCode(200)
            .body("account.handle", equalTo(user.handle()))
            .extract()
            .path("refreshToken");
    assertThat(second).isNotEqualTo(user.refreshToken());

    refresh(user.refreshToken()).statusCode(401).contentType("application/problem+json");
    // The reuse revoked the whole session, including the token issued after it.
    refresh(second).statusCode(401);
  }

  @Test
  void logoutRevokesTheSession() {
    Users.User user = users.reader();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", user.refreshToken()))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    refresh(user.refreshToken()).statusCode(401);
    refresh("made-up-token").statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("refreshToken"));
  }

  @Test
  void updatesTheProfileWithPartialChanges() {
    Users.User user = users.reader();
    user.json()
        .body(
            Map.of(
                "name", "New Name", "bio", "Reads a lot.", "websiteUrl", "https://ada.example.com"))
        .patch("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", equalTo("New Name"))
        .body("bio", equalTo("Reads a lot."))
        .body("websiteUrl", equalTo("https://ada.example.com"));
    Map<String, Object> clear = new HashMap<>();
    clear.put("bio", null);
    user.json()
        .body(clear)
        .patch("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", equalTo("New Name"))
        .body("bio", nullValue());

    user.json()
        .body(Map.of("avatarUrl", "javascript:alert(1)"))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("avatarUrl"));
    user.json()
        .body(Map.of("role", "admin"))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
    user.json()
        .body(Map.of("email", "new@example.com"))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("email"));
    user.json()
        .body(Map.of("name", ""))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
    user.json().body("[1,2]").patch("/api/v1/me").then().statusCode(400);
  }

  @Test
  void aPasswordChangeNeedsTheCurrentPasswordAndEndsOtherSessions() {
    Users.User user = users.reader();
    user.json()
        .body(Map.of("password", "a brand new password"))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("currentPassword"));
    user.json()
        .body(Map.of("password", "a brand new password", "currentPassword", "wrong one!"))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("currentPassword"));
    user.json()
        .body(Map.of("password", "short", "currentPassword", Users.PASSWORD))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("password"));

    user.json()
        .body(Map.of("password", "a brand new password", "currentPassword", Users.PASSWORD))
        .patch("/api/v1/me")
        .then()
        .statusCode(200);

    refresh(user.refreshToken()).statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", user.email(), "password", Users.PASSWORD))
        .post("/api/v1/auth/token")
        .then()
        .statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", user.email(), "password", "a brand new password"))
        .post("/api/v1/auth/token")
        .then()
        .statusCode(200);
  }

  @Test
  void meNeedsASignedInCaller() {
    given()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer");
  }
}
