package io.pressroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check issue 15 names, through the API on both ends: a receiver subscribes, verifies every
 * signature with the Standard Webhooks reference library, fails the first attempts, goes away for a
 * while and comes back; every committed visible change arrives, nothing arrives for draft-only or
 * refused changes, and a repeated message always repeats its webhook-id and its bytes.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryProfile.class)
class WebhookEndToEndTest {

  private static final Duration DEADLINE = Duration.ofSeconds(40);

  @Inject Users users;
  @Inject DataSource dataSource;
  private DeliveryRows rows;

  @BeforeEach
  void setUp() {
    rows = new DeliveryRows(dataSource);
    rows.value(
        "update webhook_subscriptions set enabled = false where url not like 'http://127.0.0.1:%'");
  }

  @Test
  void everyCommittedVisibleChangeArrivesOnceTheReceiverIsBack() throws Exception {
    Users.User admin = users.admin();
    Users.User author = users.author();
    Users.User editor = users.editor();
    Users.User reader = users.reader();
    AtomicBoolean away = new AtomicBoolean(false);
    Receiver.Behaviour failingAtFirst =
        nth -> Receiver.Answer.status(nth <= 2 || away.get() ? 503 : 204);

    try (Receiver receiver = new Receiver()) {
      String url = receiver.path("/site", failingAtFirst);
      JsonPath created =
          admin
              .json()
              .body(
                  Map.of(
                      "url",
                      url,
                      "events",
                      List.of(
                          "article.published",
                          "article.updated",
                          "article.unpublished",
                          "article.deleted",
                          "article.scheduled",
                          "comment.created",
                          "comment.deleted")))
              .post("/api/v1/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath();
      long subscription = created.getLong("id");
      receiver.path("/site", failingAtFirst, created.getString("secret"));

      String shown = draft(author);
      edit(author, shown);
      editor.request().post("/api/v1/articles/" + shown + "/publish").then().statusCode(200);
      edit(author, shown);
      reader
          .json()
          .body(Map.of("body", "Worth reading."))
          .post("/api/v1/articles/" + shown + "/comments")
          .then()
          .statusCode(201);
      // Refused: only editors unpublish. Nothing committed, nothing sent.
      author.request().post("/api/v1/articles/" + shown + "/unpublish").then().statusCode(403);

      String neverShown = draft(author);
      edit(author, neverShown);
      author.request().delete("/api/v1/articles/" + neverShown).then().statusCode(204);

      String scheduled = draft(author);
      editor
          .json()
          .body(Map.of("at", Instant.now().plusSeconds(3).toString()))
          .post("/api/v1/articles/" + scheduled + "/publish")
          .then()
          .statusCode(200);

      Set<String> expected =
          Set.of(
              "article.published " + shown,
              "article.updated " + shown,
              "comment.created " + shown,
              "article.scheduled " + scheduled,
              "article.published " + scheduled);

      // The receiver goes away once the first attempts have failed, and retries keep failing.
      Eventually.within(DEADLINE, () -> receiver.on("/site").size(), n -> n > 2);
      away.set(true);
      for (int round = 0; round < 3; round++) {
        int before = receiver.on("/site").size();
        // Retries wait (30 s at first); the test makes them due at once.
        dueNow(subscription);
        Eventually.within(DEADLINE, () -> receiver.on("/site").size(), n -> n > before);
      }
      away.set(false);

      // Back: every change arrives, including the scheduled article's go-live nobody wrote.
      Eventually.within(
          DEADLINE,
          () -> {
            dueNow(subscription);
            return rows.value(
                "select count(*) from webhook_deliveries where subscription_id = ?"
                    + " and state = 'delivered'",
                subscription);
          },
          delivered -> delivered.equals(5L));

      List<Receiver.Received> all = receiver.on("/site");
      assertThat(all).allSatisfy(r -> assertThat(r.verified()).containsExactly(true));
      assertThat(all.stream().map(this::describe).collect(Collectors.toSet()))
          .as("nothing for drafts, refused writes or the never-shown article")
          .isEqualTo(expected);
      Map<String, String> bodyById = new HashMap<>();
      Map<String, String> describedById = new HashMap<>();
      for (Receiver.Received r : all) {
        assertThat(bodyById.computeIfAbsent(r.webhookId(), id -> r.body()))
            .as("a repeated webhook-id repeats its bytes")
            .isEqualTo(r.body());
        describedById.putIfAbsent(r.webhookId(), describe(r));
      }
      assertThat(new HashSet<>(describedById.values()))
          .as("one webhook-id per change: duplicates only ever repeat an id")
          .hasSize(describedById.size())
          .isEqualTo(expected);
      // Not asserted here: nothing sent twice at once. Making retries due by SQL can cut short a
      // claim in flight; WebhookDeliveryTest checks that with two dispatchers and no shortcut.
    }
  }

  private String describe(Receiver.Received received) {
    JsonPath payload = JsonPath.from(received.body());
    String slug = payload.getString("data.slug");
    return payload.getString("type")
        + " "
        + (slug != null ? slug : payload.get("data.articleSlug"));
  }

  private void dueNow(long subscription) {
    rows.value(
        "update webhook_deliveries set next_attempt_at = now() where state = 'pending'"
            + " and subscription_id = ? and next_attempt_at > now()",
        subscription);
  }

  private static String draft(Users.User author) {
    return author
        .json()
        .body(
            Map.of(
                "title", Fixtures.unique("Hook end to end"),
                "summary", "A summary.",
                "body", "Body text."))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  private static void edit(Users.User author, String slug) {
    author
        .json()
        .body(Map.of("summary", Fixtures.unique("Changed")))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);
  }
}
