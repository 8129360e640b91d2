package io.pressroom.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Concurrently;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountIntegrityTest {

  @Inject Users users;
  @Inject EntityManager entityManager;

  @Test
  void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
    for (int round = 0; round < 8; round++) {
      Users.User first = users.admin();
      Users.User second = users.admin();
      List<Callable<Response>> calls =
          List.of(() -> demote(first, second), () -> demote(second, first));

      List<Response> answers = Concurrently.run(2, calls);

      assertThat(answers).extracting(Response::statusCode).containsOnly(200, 403);
      assertThat(role(first.handle()).equals("admin") || role(second.handle()).equals("admin"))
          .as("round %d leaves one of the two an admin", round)
          .isTrue();
    }
  }

  @Test
  void anEmailThatJavaAndPostgresqlLowerCaseDifferentlySignsIn() {
    String email = "İlker." + Fixtures.unique("x") + "@example.com";
    String handle = Fixtures.unique("ilker");
    Users.signUpRequest(email, handle, "İlker").post("/api/v1/accounts").then().statusCode(201);

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", Users.PASSWORD))
        .post("/api/v1/auth/token")
        .then()
        .statusCode(200);
  }

  private static Response demote(Users.User admin, Users.User other) {
    return admin.json().body(Map.of("role", "reader")).patch("/api/v1/accounts/" + other.handle());
  }

  private String role(String handle) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    entityManager
                        .createNativeQuery("select role from accounts where handle = :h")
                        .setParameter("h", handle)
                        .getSingleResult());
  }
}
