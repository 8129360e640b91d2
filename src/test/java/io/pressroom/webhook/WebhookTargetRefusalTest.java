package io.pressroom.webhook;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.TightLimits;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the production defaults (https only, no internal address), a subscription's URL is refused
 * with a 422 on url when it is saved: the server must not be made to call its own network.
 */
@QuarkusTest
@TestProfile(TightLimits.class)
class WebhookTargetRefusalTest {

  @Inject Users users;

  private void refused(Users.User admin, String url, String message) {
    admin
        .json()
        .body(Map.of("url", url, "events", List.of("article.published")))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("url"))
        .body("errors[0].message", containsString(message));
  }

  @Test
  void plainHttpAndInternalAddressesAreRefused() {
    Users.User admin = users.admin();
    refused(admin, "http://hooks.example.com/x", "must be an https URL");
    refused(admin, "https://127.0.0.1/x", "internal address");
    refused(admin, "https://localhost:8443/x", "internal address");
    refused(admin, "https://[::1]/x", "internal address");
    refused(admin, "https://169.254.169.254/latest/meta-data", "internal address");
    refused(admin, "https://10.1.2.3/x", "internal address");
    refused(admin, "https://user:pw@hooks.example.com/x", "user name or password");
  }

  @Test
  void aPatchToAnInternalAddressIsRefusedToo() {
    Users.User admin = users.admin();
    // A public address that needs no name resolution.
    int id =
        admin
            .json()
            .body(Map.of("url", "https://93.184.215.14/hook", "events", List.of("tag.created")))
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    admin
        .json()
        .body(Map.of("url", "https://192.168.1.10/hook"))
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("url"));
  }
}
