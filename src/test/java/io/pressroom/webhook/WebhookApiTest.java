package io.pressroom.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.pressroom.db.Row;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookApiTest {

  @Inject Users users;
  @Inject Fixtures fixtures;
  @Inject WebhookRows rows;

  private Users.User admin;

  @BeforeEach
  void signIn() {
    admin = users.admin();
  }

  private JsonPath create(Map<String, Object> body) {
    return admin
        .json()
        .body(body)
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  @Test
  void anAdminSubscribesAndSeesTheSecretOnlyOnce() {
    String tag = fixtures.tag();
    Users.User author = users.author();
    var created =
        admin
            .json()
            .body(
                Map.of(
                    "url", "https://hooks.example.com/pressroom",
                    "events", List.of("article.published", "comment.created"),
                    "tags", List.of(tag),
                    "authors", List.of(author.handle()),
                    "description", "Rebuild the site"))
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .header("Location", startsWith("http://api.pressroom.test/api/v1/webhooks/"))
            .header("Cache-Control", containsString("no-store"))
            .body("url", equalTo("https://hooks.example.com/pressroom"))
            .body("events", equalTo(List.of("article.published", "comment.created")))
            .body("tags", equalTo(List.of(tag)))
            .body("authors", equalTo(List.of(author.handle())))
            .body("description", equalTo("Rebuild the site"))
            .body("enabled", equalTo(true))
            .body("disabledReason", nullValue())
            .body("disabledAt", nullValue())
            .body("secret", startsWith("whsec_"))
            .extract()
            .jsonPath();
    String secret = created.getString("secret");
    assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
    long id = created.getLong("id");

    admin
        .request()
        .get("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .body("$", not(hasKey("secret")))
        .body("id", equalTo((int) id))
        .body("tags", equalTo(List.of(tag)));
    String listed =
        admin
            .request()
            .get("/api/v1/webhooks?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(listed).doesNotContain(secret).doesNotContain("whsec_");
  }

  @Test
  void rotationShowsTheNewSecretOnceAndKeepsThePreviousOneForTheOverlap() {
    long id =
        create(Map.of("url", "https://hooks.example.com/r", "events", List.of("tag.created")))
            .getLong("id");
    String first = rows.subscription(id).text("secret");

    JsonPath rotated =
        admin
            .request()
            .post("/api/v1/webhooks/" + id + "/secret")
            .then()
            .statusCode(200)
            .header("Cache-Control", containsString("no-store"))
            .extract()
            .jsonPath();
    String second = rotated.getString("secret");
    assertThat(second).startsWith("whsec_").isNotEqualTo(first);
    Instant expires = Instant.parse(rotated.getString("previousSecretExpiresAt"));
    // The default overlap: 24 hours.
    assertThat(expires)
        .isBetween(
            Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

    Row stored = rows.subscription(id);
    assertThat(stored.text("secret")).isEqualTo(second);
    assertThat(stored.text("previous_secret")).isEqualTo(first);
    admin
        .request()
        .get("/api/v1/webhooks/" + id)
        .then()
        .body("previousSecretExpiresAt", equalTo(rotated.getString("previousSecretExpiresAt")))
        .body("$", not(hasKey("secret")));
  }

  @Test
  void onlyAdminsManageWebhooks() {
    given().get("/api/v1/webhooks").then().statusCode(401).contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("url", "https://a.example", "events", List.of("tag.created")))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(401);
    Users.User editor = users.editor();
    long id =
        create(Map.of("url", "https://hooks.example.com/x", "events", List.of("tag.created")))
            .getLong("id");
    for (String path :
        List.of(
            "/api/v1/webhooks",
            "/api/v1/webhooks/" + id,
            "/api/v1/webhooks/" + id + "/deliveries")) {
      editor.request().get(path).then().statusCode(403).contentType("application/problem+json");
    }
    editor.request().post("/api/v1/webhooks/" + id + "/secret").then().statusCode(403);
    editor.request().post("/api/v1/webhooks/" + id + "/test").then().statusCode(403);
    editor.request().delete("/api/v1/webhooks/" + id).then().statusCode(403);
    editor.json().body("{}").patch("/api/v1/webhooks/" + id).then().statusCode(403);
    editor
        .json()
        .body(Map.of("since", "2026-01-01T00:00:00Z"))
        .post("/api/v1/webhooks/" + id + "/redeliveries")
        .then()
        .statusCode(403);
  }

  @Test
  void unknownEventTypesTagsAndAuthorsAre422WithFieldErrors() {
    Users.User reader = users.reader();
    admin
        .json()
        .body(
            Map.of(
                "url", "https://hooks.example.com/x",
                "events", List.of("article.published", "article.liked", "webhook.test"),
                "tags", List.of("no-such-tag-" + Fixtures.unique("t"), "bad,slug"),
                "authors", List.of(reader.handle())))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unprocessable"))
        .body("errors.field", equalTo(List.of("events", "events", "tags", "tags", "authors")))
        .body("errors[0].message", containsString("'article.liked' is not an event type"));
  }

  @Test
  void malformedBodiesAre400() {
    admin
        .json()
        .body(Map.of("events", List.of("tag.created")))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("url"));
    admin
        .json()
        .body(Map.of("url", "https://hooks.example.com/x", "events", List.of()))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("events"));
    admin
        .json()
        .body(
            Map.of(
                "url",
                "https://hooks.example.com/x",
                "events",
                List.of("tag.created"),
                "secret",
                "whsec_mine"))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(400);
    admin.request().get("/api/v1/webhooks/abc").then().statusCode(404);
    admin
        .request()
        .get("/api/v1/webhooks/999999999")
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void aMergePatchChangesTheNamedFieldsAndNullClearsTheScope() {
    String tag = fixtures.tag();
    long id =
        create(
                Map.of(
                    "url",
                    "https://hooks.example.com/p",
                    "events",
                    List.of("tag.created"),
                    "tags",
                    List.of(tag),
                    "description",
                    "first"))
            .getLong("id");

    admin
        .json()
        .body("{\"events\":[\"tag.updated\",\"tag.deleted\"],\"tags\":null}")
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("events", equalTo(List.of("tag.updated", "tag.deleted")))
        .body("tags", nullValue())
        .body("description", equalTo("first"))
        .body("url", equalTo("https://hooks.example.com/p"));
    admin
        .json()
        .body("{\"secret\":\"whsec_x\"}")
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("secret"));
    admin
        .json()
        .body("{\"events\":[\"nope\"]}")
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("events"));
    admin.json().body("{\"url\":null}").patch("/api/v1/webhooks/" + id).then().statusCode(400);
  }

  @Test
  void reEnablingClearsTheServersReasonAndMakesPendingDeliveriesDue() {
    long id =
        create(Map.of("url", "https://hooks.example.com/e", "events", List.of("tag.created")))
            .getLong("id");
    long pending = rows.delivery(id, MessageIds.next(), "pending", 1);
    rows.disableAsGone(id);
    admin
        .request()
        .get("/api/v1/webhooks/" + id)
        .then()
        .body("enabled", equalTo(false))
        .body("disabledReason", equalTo("gone"))
        .body("disabledAt", not(nullValue()));
    admin.request().post("/api/v1/webhooks/" + id + "/test").then().statusCode(409);
    assertThat(rows.deliveryRow(pending).bool("due")).isFalse();

    admin
        .json()
        .body("{\"enabled\":true}")
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true))
        .body("disabledReason", nullValue())
        .body("disabledAt", nullValue());
    assertThat(rows.deliveryRow(pending).bool("due")).isTrue();

    admin
        .json()
        .body("{\"enabled\":false}")
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("enabled", equalTo(false))
        .body("disabledReason", nullValue())
        .body("disabledAt", not(nullValue()));
  }

  @Test
  void aTestEventGoesToThisSubscriptionAlone() {
    long id =
        create(Map.of("url", "https://hooks.example.com/t", "events", List.of("tag.deleted")))
            .getLong("id");
    String messageId =
        admin
            .request()
            .post("/api/v1/webhooks/" + id + "/test")
            .then()
            .statusCode(202)
            .extract()
            .path("messageId");
    assertThat(messageId).matches("msg_[0-9a-z]{26}");
    Row event = rows.event(messageId);
    assertThat(event.text("type")).isEqualTo("webhook.test");
    assertThat(event.getLong("subscription_id")).isEqualTo(id);
    assertThat(event.text("payload"))
        .isEqualTo(
            "{\"id\":\""
                + messageId
                + "\",\"type\":\"webhook.test\",\"timestamp\":\""
                + event.exactInstant("occurred_at")
                + "\",\"data\":{\"subscriptionId\":"
                + id
                + "}}");
  }

  @Test
  void deletingASubscriptionTakesItsDeliveriesAlong() {
    long id =
        create(Map.of("url", "https://hooks.example.com/d", "events", List.of("tag.created")))
            .getLong("id");
    rows.delivery(id, MessageIds.next(), "failed", 2);
    admin.request().delete("/api/v1/webhooks/" + id).then().statusCode(204);
    admin.request().get("/api/v1/webhooks/" + id).then().statusCode(404);
    admin.request().delete("/api/v1/webhooks/" + id).then().statusCode(404);
    admin.request().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
  }

  @Test
  void theDeliveryLogListsEveryAttemptNewestFirstPagedByCursorAndByEvent() {
    long id =
        create(Map.of("url", "https://hooks.example.com/l", "events", List.of("tag.created")))
            .getLong("id");
    String failing = MessageIds.next();
    String delivered = MessageIds.next();
    rows.delivery(id, failing, "failed", 3);
    rows.delivery(id, delivered, "delivered", 2);

    JsonPath first =
        admin
            .request()
            .get("/api/v1/webhooks/" + id + "/deliveries?limit=3")
            .then()
            .statusCode(200)
            .header("Link", containsString("rel=\"next\""))
            .header("Cache-Control", containsString("no-store"))
            .extract()
            .jsonPath();
    assertThat(first.getLong("page.total")).isEqualTo(5);
    assertThat(first.getList("items.messageId")).containsExactly(delivered, delivered, failing);
    assertThat(first.getList("items.attempt")).containsExactly(2, 1, 3);
    assertThat(first.getList("items.status")).containsExactly(200, 500, 500);
    assertThat(first.getList("items.deliveryState"))
        .containsExactly("delivered", "delivered", "failed");
    assertThat(first.getString("items[0].responseExcerpt")).isEqualTo("answer 200");
    assertThat(first.getInt("items[0].durationMs")).isEqualTo(40);
    assertThat(first.getString("items[0].type")).isEqualTo("tag.created");

    JsonPath second =
        admin
            .request()
            .get(
                "/api/v1/webhooks/"
                    + id
                    + "/deliveries?limit=3&cursor="
                    + first.getString("page.next"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(second.getList("items.messageId")).containsExactly(failing, failing);
    assertThat(second.getList("items.attempt")).containsExactly(2, 1);
    assertThat(second.getString("page.next")).isNull();

    JsonPath one =
        admin
            .request()
            .get("/api/v1/webhooks/" + id + "/deliveries?event=" + failing)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(one.getLong("page.total")).isEqualTo(3);
    assertThat(one.getList("items.messageId")).containsOnly(failing);
  }

  @Test
  void redeliveryMakesOneEventsOrTheFailedDeliveriesDueAgain() {
    long id =
        create(Map.of("url", "https://hooks.example.com/rd", "events", List.of("tag.created")))
            .getLong("id");
    String failedMessage = MessageIds.next();
    long failed = rows.delivery(id, failedMessage, "failed", 3);
    long otherFailed = rows.delivery(id, MessageIds.next(), "failed", 1);
    long delivered = rows.delivery(id, MessageIds.next(), "delivered", 1);

    admin
        .json()
        .body(Map.of("event", failedMessage))
        .post("/api/v1/webhooks/" + id + "/redeliveries")
        .then()
        .statusCode(202)
        .body("redelivered", equalTo(1));
    Row again = rows.deliveryRow(failed);
    assertThat(again.text("state")).isEqualTo("pending");
    assertThat(again.getInt("attempts")).isZero();
    assertThat(again.bool("due")).isTrue();
    // Pending already: on its way, left alone.
    admin
        .json()
        .body(Map.of("event", failedMessage))
        .post("/api/v1/webhooks/" + id + "/redeliveries")
        .then()
        .statusCode(202)
        .body("redelivered", equalTo(0));

    admin
        .json()
        .body(Map.of("since", Instant.now().minus(Duration.ofHours(1)).toString()))
        .post("/api/v1/webhooks/" + id + "/redeliveries")
        .then()
        .statusCode(202)
        .body("redelivered", equalTo(1));
    assertThat(rows.deliveryRow(otherFailed).text("state")).isEqualTo("pending");
    assertThat(rows.deliveryRow(delivered).text("state")).isEqualTo("delivered");

    admin
        .json()
        .body(Map.of("since", Instant.now().toString()))
        .post("/api/v1/webhooks/" + id + "/redeliveries")
        .then()
        .statusCode(202)
        .body("redelivered", equalTo(0));
    admin
        .json()
        .body(Map.of("event", MessageIds.next()))
        .post("/api/v1/webhooks/" + id + "/redeliveries")
        .then()
        .statusCode(404)
        .body("errors[0].field", equalTo("event"));
    admin.json().body("{}").post("/api/v1/webhooks/" + id + "/redeliveries").then().statusCode(400);
    admin
        .json()
        .body(Map.of("event", failedMessage, "since", "2026-01-01T00:00:00Z"))
        .post("/api/v1/webhooks/" + id + "/redeliveries")
        .then()
        .statusCode(400);
  }
}
