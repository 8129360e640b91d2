package io.pressroom.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The source URL of a published or scheduled article is where the protected redirect sends readers:
 * only an editor may change it. Authors keep editing their drafts' sources freely.
 */
@QuarkusTest
class LiveSourceChangeTest {

  private static final String ORIGINAL = "https://news.example.com/original-story";
  private static final String ELSEWHERE = "https://evil.example/phish";

  @Inject Users users;

  private Users.User author;
  private Users.User editor;
  private Users.User reader;

  private String draft() {
    author = users.author();
    editor = users.editor();
    reader = users.reader();
    return ArticleAuthoringTest.create(
        author, ArticleAuthoringTest.article("Source " + Fixtures.unique("t")));
  }

  private void publish(String slug, Map<String, Object> body) {
    editor.json().body(body).post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
  }

  private static Map<String, Object> sourceUrl(String url) {
    Map<String, Object> body = new HashMap<>();
    body.put("sourceUrl", url);
    return body;
  }

  private void redirectsTo(String slug, String url) {
    reader
        .request()
        .redirects()
        .follow(false)
        .get("/api/v1/articles/" + slug + "/source")
        .then()
        .statusCode(302)
        .header("Location", equalTo(url));
  }

  private void authorMayNotChangeSource(String slug, Map<String, Object> body) {
    author
        .json()
        .body(body)
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/forbidden"))
        .body("detail", containsString("Only an editor may change the source URL"));
  }

  @Test
  void anAuthorCannotRedirectReadersOfTheirPublishedArticle() {
    String slug = draft();
    publish(slug, Map.of());

    authorMayNotChangeSource(slug, sourceUrl(ELSEWHERE));
    authorMayNotChangeSource(slug, Map.of("sourceUrl", ELSEWHERE, "summary", "Changed."));
    authorMayNotChangeSource(slug, sourceUrl(null));

    redirectsTo(slug, ORIGINAL);
    reader
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("summary", equalTo("What happened, briefly."));
  }

  @Test
  void anAuthorCannotChangeTheReferenceOrCoverOfTheirPublishedArticle() {
    String slug = draft();
    publish(slug, Map.of());
    String before =
        reader.request().get("/api/v1/articles/" + slug).then().extract().path("referenceUrl");

    authorMayNotChangeSource(slug, Map.of("referenceUrl", ELSEWHERE));
    authorMayNotChangeSource(slug, Map.of("coverImageUrl", "https://tracker.example/p.gif"));
    author
        .json()
        .body(Map.of("referenceUrl", ELSEWHERE))
        .patch("/api/v1/articles/" + slug)
        .then()
        .body("errors[0].field", equalTo("referenceUrl"));

    reader
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("referenceUrl", equalTo(before))
        .body("coverImageUrl", equalTo(null));
    editor
        .json()
        .body(Map.of("referenceUrl", "https://lwn.example.org/corrected"))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("referenceUrl", equalTo("https://lwn.example.org/corrected"));
  }

  @Test
  void anAuthorCannotChangeTheSourceOfTheirScheduledArticle() {
    String slug = draft();
    publish(slug, Map.of("at", Instant.now().plusSeconds(3600).toString()));

    authorMayNotChangeSource(slug, sourceUrl(ELSEWHERE));

    editor
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("status", equalTo("scheduled"))
        .body("source.available", equalTo(true));
  }

  @Test
  void anAuthorMayRepeatTheCurrentSourceAndEditOtherFields() {
    String slug = draft();
    publish(slug, Map.of());

    author
        .json()
        .body(Map.of("sourceUrl", ORIGINAL, "summary", "Still the same source."))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("summary", equalTo("Still the same source."));
    author
        .json()
        .body(Map.of("title", "A better title " + Fixtures.unique("t")))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);
    redirectsTo(slug, ORIGINAL);
  }

  @Test
  void anAuthorChangesTheSourceOfADraftAndAnEditorThatOfALiveArticle() {
    String slug = draft();
    String corrected = "https://news.example.com/" + Fixtures.unique("corrected");
    author
        .json()
        .body(sourceUrl(corrected))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);
    publish(slug, Map.of());
    redirectsTo(slug, corrected);

    String moved = "https://news.example.com/" + Fixtures.unique("moved");
    editor.json().body(sourceUrl(moved)).patch("/api/v1/articles/" + slug).then().statusCode(200);
    redirectsTo(slug, moved);
  }
}
