package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Fixtures;
import io.pressroom.support.RecordedLogs;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * PRESSROOM_ADMIN_EMAIL and PRESSROOM_ADMIN_PASSWORD make an admin exist at start-up, by creating
 * it; an account that already has that email is never promoted or re-enabled.
 */
@QuarkusTest
@TestProfile(FirstAdminTest.WithAdmin.class)
class FirstAdminTest {

  static final String OPERATORS_PASSWORD = "the operator's password";

  @Inject Users users;
  @Inject FirstAdmin firstAdmin;
  @Inject AccountService accounts;

  static final String ADMIN_EMAIL = "root@pressroom.example";
  static final String ADMIN_PASSWORD = "first admin password";

  public static class WithAdmin implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "pressroom.admin.email", ADMIN_EMAIL, "pressroom.admin.password", ADMIN_PASSWORD);
    }
  }

  @Test
  void theConfiguredAdminExistsAndCanSignIn() {
    String token =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
            .post("/api/v1/auth/token")
            .then()
            .statusCode(200)
            .body("account.role", equalTo("admin"))
            .extract()
            .path("accessToken");
    given()
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/accounts")
        .then()
        .statusCode(200);
  }

  /** Runs the start-up bootstrap for {@code email}, as a start with that setting would. */
  private List<LogRecord> bootstrap(String email) {
    try (RecordedLogs log = RecordedLogs.of(FirstAdmin.class, Level.ALL)) {
      firstAdmin.createIfMissing(email, OPERATORS_PASSWORD, accounts);
      return log.records();
    }
  }

  private static Response signIn(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/token");
  }

  private static String adminToken() {
    return signIn(ADMIN_EMAIL, ADMIN_PASSWORD).then().statusCode(200).extract().path("accessToken");
  }

  @Test
  void anAccountThatHasTheAdminEmailAlreadyIsNotPromoted() {
    Users.User squatter = users.reader();

    List<LogRecord> log = bootstrap(squatter.email().toUpperCase(Locale.ROOT));

    signIn(squatter.email(), Users.PASSWORD)
        .then()
        .statusCode(200)
        .body("account.role", equalTo("reader"));
    squatter.request().get("/api/v1/accounts").then().statusCode(403);
    signIn(squatter.email(), OPERATORS_PASSWORD).then().statusCode(401);
    assertThat(log)
        .anySatisfy(
            record -> {
              assertThat(record.getLevel().intValue())
                  .isGreaterThanOrEqualTo(Level.WARNING.intValue());
              assertThat(record.getMessage())
                  .contains("left as it is")
                  .contains("PRESSROOM_ADMIN_EMAIL to an address no account uses");
            });
  }

  @Test
  void aDisabledAccountThatHasTheAdminEmailStaysDisabled() {
    Users.User disabled = users.admin();
    given()
        .header("Authorization", "Bearer " + adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("disabled", true))
        .patch("/api/v1/accounts/" + disabled.handle())
        .then()
        .statusCode(200);

    bootstrap(disabled.email());

    signIn(disabled.email(), Users.PASSWORD).then().statusCode(403);
    signIn(disabled.email(), OPERATORS_PASSWORD).then().statusCode(401);
    disabled.request().get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void aNewEmailGetsANewAdminWithTheConfiguredPassword() {
    String email = Fixtures.unique("operator") + "@example.com";

    bootstrap(email);

    signIn(email, OPERATORS_PASSWORD).then().statusCode(200).body("account.role", equalTo("admin"));
  }
}
