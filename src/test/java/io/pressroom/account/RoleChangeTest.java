package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A role change, down as well as up, takes effect on the next request of a token issued before it:
 * the token's {@code groups} claim grants nothing, the account row decides.
 */
@QuarkusTest
class RoleChangeTest {

  @Inject Users users;

  /** A user holding {@code role} whose access token was issued while they held it. */
  private Users.User signedInAs(Role role) {
    Users.User user = users.signUp(role);
    String token =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", user.email(), "password", Users.PASSWORD))
            .post("/api/v1/auth/token")
            .then()
            .statusCode(200)
            .body("account.role", equalTo(role.value()))
            .extract()
            .path("accessToken");
    return new Users.User(user.id(), user.handle(), user.email(), token, user.refreshToken());
  }

  private static void changeRole(Users.User admin, Users.User user, Role role) {
    admin
        .json()
        .body(Map.of("role", role.value()))
        .patch("/api/v1/accounts/" + user.handle())
        .then()
        .statusCode(200)
        .body("role", equalTo(role.value()));
  }

  /** A call that only {@code role} and the roles above it may make. */
  private static Response callNeeding(Role role, Users.User user) {
    return switch (role) {
      case ADMIN -> user.request().get("/api/v1/accounts");
      case EDITOR -> user.json().body(Map.of("name", Fixtures.unique("tag"))).post("/api/v1/tags");
      case AUTHOR ->
          user.json()
              .body(
                  Map.of("title", "Demotion " + Fixtures.unique("t"), "summary", "S", "body", "B"))
              .post("/api/v1/articles");
      case READER -> user.request().get("/api/v1/me");
    };
  }

  private static int successOf(Role role) {
    return role == Role.EDITOR || role == Role.AUTHOR ? 201 : 200;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ADMIN, EDITOR",
    "ADMIN, AUTHOR",
    "ADMIN, READER",
    "EDITOR, AUTHOR",
    "EDITOR, READER",
    "AUTHOR, READER"
  })
  void aDemotionTakesEffectAtOnceWithTheTokenIssuedBeforeIt(Role from, Role to) {
    Users.User admin = users.admin();
    Users.User user = signedInAs(from);
    callNeeding(from, user).then().statusCode(successOf(from));

    changeRole(admin, user, to);

    user.request().get("/api/v1/me").then().statusCode(200).body("role", equalTo(to.value()));
    callNeeding(from, user).then().statusCode(403).contentType("application/problem+json");
    callNeeding(to, user).then().statusCode(successOf(to));
  }

  @Test
  void aDemotedAdminCanNeitherListAccountsNorPromoteAnotherAccount() {
    Users.User admin = users.admin();
    Users.User demoted = signedInAs(Role.ADMIN);
    Users.User accomplice = users.reader();
    changeRole(admin, demoted, Role.READER);

    demoted.request().get("/api/v1/accounts").then().statusCode(403);
    demoted
        .json()
        .body(Map.of("role", "admin"))
        .patch("/api/v1/accounts/" + accomplice.handle())
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    accomplice.request().get("/api/v1/me").then().statusCode(200).body("role", equalTo("reader"));
    accomplice.request().get("/api/v1/accounts").then().statusCode(403);
  }

  @Test
  void aPromotionTakesEffectAtOnceWithTheTokenIssuedBeforeIt() {
    Users.User admin = users.admin();
    Users.User reader = signedInAs(Role.READER);
    reader.request().get("/api/v1/accounts").then().statusCode(403);

    changeRole(admin, reader, Role.ADMIN);

    reader.request().get("/api/v1/accounts").then().statusCode(200);
  }

  @Test
  void aDisabledAdminsTokenIsRefusedAtOnce() {
    Users.User admin = users.admin();
    Users.User other = signedInAs(Role.ADMIN);
    other.request().get("/api/v1/accounts").then().statusCode(200);

    admin
        .json()
        .body(Map.of("disabled", true))
        .patch("/api/v1/accounts/" + other.handle())
        .then()
        .statusCode(200);

    other
        .request()
        .get("/api/v1/accounts")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    other.request().get("/api/v1/me").then().statusCode(401);
  }
}
