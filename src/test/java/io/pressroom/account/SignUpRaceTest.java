package io.pressroom.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Concurrently;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Sign-ups that race for one handle or one email: one wins, the others get a 409 problem. */
@QuarkusTest
class SignUpRaceTest {

  private static final int RACERS = 12;

  @Test
  void racersForOneHandleGetOneAccountAndConflicts() throws Exception {
    String handle = Fixtures.unique("race");
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      String email = handle + "-" + i + "@example.com";
      calls.add(() -> signUp(email, handle));
    }

    assertOneCreatedAndConflicts(Concurrently.run(RACERS, calls));
  }

  @Test
  void racersForOneEmailGetOneAccountAndConflicts() throws Exception {
    String base = Fixtures.unique("race");
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      String handle = base + "-" + i;
      calls.add(() -> signUp(base + "@example.com", handle));
    }

    assertOneCreatedAndConflicts(Concurrently.run(RACERS, calls));
  }

  private static void assertOneCreatedAndConflicts(List<Response> responses) {
    assertThat(responses).extracting(Response::statusCode).containsOnly(201, 409);
    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    for (Response response : responses) {
      if (response.statusCode() == 409) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("/problems/conflict");
      }
    }
  }

  private static Response signUp(String email, String handle) {
    return Users.signUpRequest(email, handle, "Racer").post("/api/v1/accounts");
  }
}
