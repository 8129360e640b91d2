package io.pressroom.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AvatarTest {

  @Inject Users users;
  @Inject EntityManager entityManager;

  @Test
  void anAvatarOnAServerOfTheReadersOwnChoosingIsRefused() {
    Users.User reader = users.reader();

    reader
        .json()
        .body(Map.of("avatarUrl", "https://tracker.example.com/pixel.png"))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("avatarUrl"))
        .body("errors.message", hasItem(containsString("gravatar.com")));
    reader
        .json()
        .body(Map.of("avatarUrl", "http://secure.gravatar.com/avatar/0f1e"))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("avatarUrl"));

    reader.json().get("/api/v1/me").then().statusCode(200).body("avatarUrl", nullValue());
  }

  @Test
  void anAvatarOnAnAllowedServiceIsKept() {
    Users.User reader = users.reader();

    reader
        .json()
        .body(Map.of("avatarUrl", "https://secure.gravatar.com/avatar/0f1e?s=80"))
        .patch("/api/v1/me")
        .then()
        .statusCode(200)
        .body("avatarUrl", equalTo("https://secure.gravatar.com/avatar/0f1e?s=80"));
  }

  @Test
  void anAvatarSetBeforeTheHostsWereNarrowedDoesNotBlockTheProfilesOtherChanges() {
    Users.User reader = users.reader();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update accounts set avatar_url = :url where handle = :h")
                    .setParameter("url", "https://old-host.example.net/me.png")
                    .setParameter("h", reader.handle())
                    .executeUpdate());

    reader
        .json()
        .body(Map.of("name", "Still Me"))
        .patch("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", equalTo("Still Me"))
        .body("avatarUrl", equalTo("https://old-host.example.net/me.png"));
    reader
        .json()
        .body(Map.of("avatarUrl", "https://other-host.example.net/me.png"))
        .patch("/api/v1/me")
        .then()
        .statusCode(400);
  }
}
