package io.pressroom.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.article.ArticleAuthoring;
import io.pressroom.article.ArticleRequest;
import io.pressroom.db.Row;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.pressroom.tag.TagRequest;
import io.pressroom.tag.TagService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events are written exactly for committed changes that readers could see, in the transaction of
 * the change, with the payload sent later byte for byte.
 */
@QuarkusTest
class WebhookEventsTest {

  private static final String BASE = "http://api.pressroom.test";

  @Inject Users users;
  @Inject Fixtures fixtures;
  @Inject WebhookRows rows;
  @Inject ArticleAuthoring authoring;
  @Inject TagService tags;

  private Users.User author;
  private Users.User editor;

  @BeforeEach
  void subscribeToEverything() {
    author = users.author();
    editor = users.editor();
    users
        .admin()
        .json()
        .body(Map.of("url", "https://hooks.example.com/all", "events", EventType.subscribable()))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201);
  }

  private String draft(String... tagNames) {
    return author
        .json()
        .body(
            Map.of(
                "title",
                Fixtures.unique("Hooked"),
                "summary",
                "A summary.",
                "body",
                "Body text.",
                "tags",
                List.of(tagNames)))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  private void publish(String slug, Instant at) {
    var request = editor.json().body(at == null ? Map.of() : Map.of("at", at.toString()));
    request.post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
  }

  private void edit(String slug) {
    author
        .json()
        .body(Map.of("summary", Fixtures.unique("Changed")))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);
  }

  private List<String> types(String slug) {
    return rows.eventsOfArticle(rows.articleId(slug)).stream().map(r -> r.text("type")).toList();
  }

  @Test
  void theArticleLifecycleMakesOneEventPerVisibleChange() {
    String slug = draft();
    edit(slug);
    assertThat(types(slug)).as("draft-only changes").isEmpty();

    publish(slug, null);
    edit(slug);
    editor.request().post("/api/v1/articles/" + slug + "/unpublish").then().statusCode(200);
    edit(slug);
    publish(slug, null);
    editor.request().delete("/api/v1/articles/" + slug).then().statusCode(204);

    assertThat(types(slug))
        .containsExactly(
            "article.published",
            "article.updated",
            "article.unpublished",
            "article.published",
            "article.deleted");
  }

  @Test
  void aPayloadIsTheExactJsonSentAndTheEventCarriesItsScopes() {
    String tag = Fixtures.unique("scope");
    String slug = draft(tag);
    long articleId = rows.articleId(slug);
    publish(slug, null);

    Row event = rows.eventsOfArticle(articleId).get(0);
    String messageId = event.text("message_id");
    assertThat(messageId).matches("msg_[0-9a-z]{26}");
    Instant at = event.exactInstant("occurred_at");
    assertThat(event.exactInstant("deliverable_at")).isEqualTo(at);
    Instant publishedAt = rows.publishedAt(slug);
    assertThat(event.text("payload"))
        .isEqualTo(
            "{\"id\":\""
                + messageId
                + "\",\"type\":\"article.published\",\"timestamp\":\""
                + at
                + "\",\"data\":{\"id\":"
                + articleId
                + ",\"slug\":\""
                + slug
                + "\",\"url\":\""
                + BASE
                + "/api/v1/articles/"
                + slug
                + "\",\"publishedAt\":\""
                + publishedAt
                + "\"}}");
    assertThat(event.getLong("author_id")).isEqualTo(author.id());
    assertThat(event.text("tag_ids")).isEqualTo(rows.tagIds(tag).get(0).toString());
    assertThat(event.isNull("subscription_id")).isTrue();
    assertThat(event.isNull("fanned_out_at")).isTrue();
  }

  @Test
  void aScheduleWritesTheGoLiveEventDueAtItsInstantAndMovingOrCancellingItRemovesIt() {
    String slug = draft();
    long articleId = rows.articleId(slug);
    Instant first = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    publish(slug, first);

    List<Row> events = rows.eventsOfArticle(articleId);
    assertThat(events)
        .extracting(r -> r.text("type"))
        .containsExactly("article.scheduled", "article.published");
    Row scheduled = events.get(0);
    assertThat(scheduled.exactInstant("deliverable_at")).isBefore(first);
    assertThat(scheduled.text("payload")).contains("\"publishedAt\":\"" + first + "\"");
    Row goLive = events.get(1);
    assertThat(goLive.exactInstant("deliverable_at")).isEqualTo(first);
    assertThat(goLive.exactInstant("occurred_at")).isEqualTo(first);
    assertThat(goLive.text("payload"))
        .contains("\"type\":\"article.published\",\"timestamp\":\"" + first + "\"");

    Instant later = first.plus(Duration.ofHours(1));
    publish(slug, later);
    assertThat(rows.eventsOfArticle(articleId))
        .extracting(r -> r.text("type") + "@" + r.exactInstant("deliverable_at").equals(later))
        .containsExactly(
            "article.scheduled@false", "article.scheduled@false", "article.published@true");

    editor.request().post("/api/v1/articles/" + slug + "/unpublish").then().statusCode(200);
    assertThat(types(slug))
        .as("cancelled: no go-live, and nothing to unpublish (nobody could see it)")
        .containsExactly("article.scheduled", "article.scheduled");
  }

  @Test
  void aPublicArticlesNewInstantIsAnUpdateOrAnUnpublishingUntilItsNewSchedule() {
    String slug = draft();
    publish(slug, null);
    publish(slug, Instant.now().minus(Duration.ofDays(1)));
    assertThat(types(slug)).containsExactly("article.published", "article.updated");

    Instant later = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    publish(slug, later);
    List<Row> events = rows.eventsOfArticle(rows.articleId(slug));
    assertThat(events)
        .extracting(r -> r.text("type"))
        .containsExactly(
            "article.published",
            "article.updated",
            "article.unpublished",
            "article.scheduled",
            "article.published");
    assertThat(events.get(4).exactInstant("deliverable_at")).isEqualTo(later);
  }

  @Test
  void aScheduledArticleThatWentLiveUnpublishedSaysSo() {
    String slug = draft();
    publish(slug, Instant.now().plusSeconds(2));
    Eventually.within(
        Duration.ofSeconds(10),
        () -> given().get("/api/v1/articles/" + slug).statusCode(),
        status -> status == 200);
    editor.request().post("/api/v1/articles/" + slug + "/unpublish").then().statusCode(200);
    assertThat(types(slug))
        .containsExactly("article.scheduled", "article.published", "article.unpublished");
  }

  @Test
  void aRolledBackWriteLeavesNoEvent() {
    String title = Fixtures.unique("Rolled back");
    String tagName = Fixtures.unique("rolled");
    Account writer = fixtures.author();
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                authoring.createPublished(
                    writer,
                    new ArticleRequest(
                        title, "S.", "B.", List.of(tagName), null, null, null, null, null),
                    Instant.now().minusSeconds(60));
                throw new IllegalStateException("the write fails after its events");
              });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    String slug = title.toLowerCase().replace(' ', '-');
    assertThat(rows.events("article.published", slug)).isEmpty();
    assertThat(rows.events("tag.created", tagName)).isEmpty();

    // The same write committed: both events are there.
    authoring.createPublished(
        writer,
        new ArticleRequest(title, "S.", "B.", List.of(tagName), null, null, null, null, null),
        Instant.now().minusSeconds(60));
    assertThat(rows.events("article.published", slug)).hasSize(1);
    assertThat(rows.events("tag.created", tagName)).hasSize(1);
  }

  @Test
  void commentsOnPublicArticlesMakeEventsScopedByTheirArticle() {
    String tag = Fixtures.unique("talk");
    String slug = draft(tag);
    publish(slug, null);
    long articleId = rows.articleId(slug);
    Users.User reader = users.reader();
    int commentId =
        reader
            .json()
            .body(Map.of("body", "First!"))
            .post("/api/v1/articles/" + slug + "/comments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    reader.request().delete("/api/v1/comments/" + commentId).then().statusCode(204);

    List<Row> events =
        rows.eventsOfArticle(articleId).stream()
            .filter(r -> r.text("type").startsWith("comment."))
            .toList();
    assertThat(events)
        .extracting(r -> r.text("type"))
        .containsExactly("comment.created", "comment.deleted");
    for (Row event : events) {
      assertThat(event.getLong("author_id")).isEqualTo(author.id());
      assertThat(event.text("tag_ids")).isEqualTo(rows.tagIds(tag).get(0).toString());
      assertThat(event.text("payload"))
          .endsWith(
              "\"data\":{\"id\":"
                  + commentId
                  + ",\"articleSlug\":\""
                  + slug
                  + "\",\"url\":\""
                  + BASE
                  + "/api/v1/comments/"
                  + commentId
                  + "\"}}");
    }
  }

  @Test
  void tagsMakeEventsWhenCreatedRenamedAndDeleted() {
    String name = Fixtures.unique("Topic");
    String slug =
        editor
            .json()
            .body(Map.of("name", name))
            .post("/api/v1/tags")
            .then()
            .statusCode(201)
            .extract()
            .path("slug");
    editor
        .json()
        .body(Map.of("name", name + " renamed"))
        .patch("/api/v1/tags/" + slug)
        .then()
        .statusCode(200);
    long id = rows.tagIds(slug).get(0);
    editor.request().delete("/api/v1/tags/" + slug).then().statusCode(204);

    String data =
        "\"data\":{\"id\":"
            + id
            + ",\"slug\":\""
            + slug
            + "\",\"url\":\""
            + BASE
            + "/api/v1/tags/"
            + slug
            + "\"}}";
    for (String type : List.of("tag.created", "tag.updated", "tag.deleted")) {
      List<Row> events = rows.events(type, "\"slug\":\"" + slug + "\"");
      assertThat(events).as(type).hasSize(1);
      assertThat(events.get(0).text("payload")).endsWith(data);
      assertThat(events.get(0).text("tag_ids")).isEmpty();
    }
  }

  @Test
  void withNobodySubscribedAWriteWritesNoEvent() {
    rows.disableAll();
    String slug = draft();
    publish(slug, null);
    tags.create(new TagRequest(Fixtures.unique("Unheard"), null));
    assertThat(types(slug)).isEmpty();
  }
}
