package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PRESSROOM_ADMIN_EMAIL and PRESSROOM_ADMIN_PASSWORD make an admin exist at start-up. */
@QuarkusTest
@TestProfile(FirstAdminTest.WithAdmin.class)
class FirstAdminTest {

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
}
