package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignUpAndSignInTest {

  @Inject EntityManager entityManager;

  private static Map<String, Object> signUpBody(String handle) {
    Map<String, Object> body = new HashMap<>();
    body.put("email", handle + "@Example.com");
    body.put("password", Users.PASSWORD);
    body.put("handle", handle);
    body.put("name", "Ada " + handle);
    return body;
  }

  private static Response signUp(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/accounts");
  }

  @Test
  void signUpCreatesAReaderAndSignsItIn() {
    String handle = Fixtures.unique("ada");
    Response response =
        signUp(signUpBody(handle))
            .then()
            .statusCode(201)
            .header("Location", endsWith("/api/v1/me"))
            .header("Cache-Control", "no-store")
            .body("account.handle", equalTo(handle))
            .body("account.role", equalTo("reader"))
            .body("account.email", equalTo(handle + "@Example.com"))
            .body("token", notNullValue())
            .body("refreshToken", notNullValue())
            .extract()
            .response();
    assertThat(response.jsonPath().getMap("").keySet())
        .isEqualTo(Set.of("account", "token", "accessToken", "expiresAt", "refreshToken"));
    assertThat(response.jsonPath().getMap("account").keySet())
        .isEqualTo(
            Set.of(
                "handle",
                "name",
                "email",
                "role",
                "disabled",
                "bio",
                "avatarUrl",
                "websiteUrl",
                "createdAt"));
    assertThat(response.asString()).doesNotContain("$2").doesNotContain(Users.PASSWORD);
    String token = response.jsonPath().getString("accessToken");
    assertThat(token).isEqualTo(response.jsonPath().getString("token"));

    given()
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, no-store")
        .body("handle", equalTo(handle));
  }

  @Test
  void passwordsAreStoredAsSlowSaltedHashes() {
    String handle = Fixtures.unique("hash");
    signUp(signUpBody(handle)).then().statusCode(201);
    String hash =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        entityManager
                            .createNativeQuery(
                                "select password_hash from accounts where handle = :h")
                            .setParameter("h", handle)
                            .getSingleResult());
    assertThat(hash).startsWith("$2").doesNotContain(Users.PASSWORD);
  }

  @Test
  void emailsAreUniqueIgnoringCaseAndHandlesAreUnique() {
    String handle = Fixtures.unique("dup");
    signUp(signUpBody(handle)).then().statusCode(201);

    Map<String, Object> sameEmail = signUpBody(Fixtures.unique("other"));
    sameEmail.put("email", handle.toUpperCase() + "@EXAMPLE.COM");
    signUp(sameEmail)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/conflict"))
        .body("errors.field", hasItem("email"));

    Map<String, Object> sameHandle = signUpBody(handle);
    sameHandle.put("email", Fixtures.unique("x") + "@example.com");
    signUp(sameHandle).then().statusCode(409).body("errors.field", hasItem("handle"));
  }

  @Test
  void signUpRejectsInvalidInputNamingEachField() {
    Map<String, Object> body = new HashMap<>();
    body.put("email", "not-an-email");
    body.put("password", "short");
    body.put("handle", "A!");
    body.put("name", "");
    signUp(body)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/validation"))
        .body("errors.field", hasItem("email"))
        .body("errors.field", hasItem("password"))
        .body("errors.field", hasItem("handle"))
        .body("errors.field", hasItem("name"));

    Map<String, Object> withRole = signUpBody(Fixtures.unique("sneaky"));
    withRole.put("role", "admin");
    signUp(withRole).then().statusCode(400).body("errors.field", hasItem("role"));

    Map<String, Object> longPassword = signUpBody(Fixtures.unique("long"));
    longPassword.put("password", "é".repeat(40));
    signUp(longPassword).then().statusCode(400).body("errors.field", hasItem("password"));

    given()
        .contentType(ContentType.JSON)
        .body("{\"email\": ")
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed-body"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"email\": 12, \"password\": []}")
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.TEXT)
        .body("hello")
        .post("/api/v1/accounts")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void signInAnswersTheSameForUnknownEmailsAndWrongPasswords() {
    String handle = Fixtures.unique("sign");
    signUp(signUpBody(handle)).then().statusCode(201);

    Response ok =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", handle + "@example.COM", "password", Users.PASSWORD))
            .post("/api/v1/auth/token")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .body("account.handle", equalTo(handle))
            .extract()
            .response();
    assertThat(ok.jsonPath().getMap("").keySet())
        .isEqualTo(Set.of("accessToken", "expiresAt", "refreshToken", "account"));

    Response wrongPassword =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", handle + "@example.com", "password", "wrong password!"))
            .post("/api/v1/auth/token")
            .then()
            .statusCode(401)
            .contentType("application/problem+json")
            .extract()
            .response();
    Response unknownEmail =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "email", Fixtures.unique("nobody") + "@example.com", "password", "whatever!!"))
            .post("/api/v1/auth/token")
            .then()
            .statusCode(401)
            .extract()
            .response();
    assertThat(unknownEmail.jsonPath().getString("detail"))
        .isEqualTo(wrongPassword.jsonPath().getString("detail"));
    assertThat(unknownEmail.jsonPath().getString("type"))
        .isEqualTo(wrongPassword.jsonPath().getString("type"));
  }

  @Test
  void repeatedFailuresForOneEmailAreThrottled() {
    String handle = Fixtures.unique("throttled");
    signUp(signUpBody(handle)).then().statusCode(201);
    Map<String, String> wrong =
        Map.of("email", handle + "@example.com", "password", "nope-nope-nope");
    for (int i = 0; i < 5; i++) {
      given()
          .contentType(ContentType.JSON)
          .body(wrong)
          .post("/api/v1/auth/token")
          .then()
          .statusCode(401);
    }
    given()
        .contentType(ContentType.JSON)
        .body(wrong)
        .post("/api/v1/auth/token")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue());
    // Even the right password waits: the throttle protects the account, not the guess.
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", handle + "@example.com", "password", Users.PASSWORD))
        .post("/api/v1/auth/token")
        .then()
        .statusCode(429);
  }
}
