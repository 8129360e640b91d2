package io.pressroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleAuthoringTest {

  @Inject Users users;

  static Map<String, Object> article(String title, String... tags) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("summary", "What happened, briefly.");
    body.put("body", "## Section\n\nText with a [link](https://example.org/x).");
    body.put("tags", List.of(tags));
    body.put("referenceUrl", "https://reference.example.org/a");
    body.put("sourceUrl", "https://news.example.com/original-story");
    body.put("sourcePublisher", "Example News");
    body.put("republicationNotice", "Distilled and republished from Example News.");
    return body;
  }

  static String create(Users.User author, Map<String, Object> body) {
    return author
        .json()
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  @Test
  void authorsWriteDraftsWithSlugsFromTheirTitles() {
    Users.User author = users.author();
    String title = "Kernel news " + Fixtures.unique("t");
    String newTag = Fixtures.unique("brand-new-tag");
    Response response =
        author
            .json()
            .body(article(title, newTag, "Linux"))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/articles/"))
            .header("ETag", containsString("v"))
            .header("Cache-Control", containsString("private"))
            .body("status", equalTo("draft"))
            .body("publishedAt", nullValue())
            .body("title", equalTo(title))
            .body("author.handle", equalTo(author.handle()))
            .body("tags.name", contains(newTag, "Linux"))
            .body("html", containsString("<h2>Section</h2>"))
            .body("source.available", equalTo(true))
            .extract()
            .response();
    String slug = response.jsonPath().getString("slug");
    assertThat(slug).startsWith("kernel-news-");
    assertThat(response.asString()).doesNotContain("original-story");

    String second = create(author, article(title));
    assertThat(second).isNotEqualTo(slug);
    // A tag only a draft has is hidden as the draft is (TagVisibility).
    given().get("/api/v1/tags/" + newTag).then().statusCode(404);
  }

  @Test
  void draftsAreSeenOnlyByTheirAuthorAndEditors() {
    Users.User author = users.author();
    Users.User otherAuthor = users.author();
    Users.User editor = users.editor();
    Users.User reader = users.reader();
    String tag = Fixtures.unique("drafty");
    String slug = create(author, article("Secret draft " + Fixtures.unique("t"), tag));

    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    reader.request().get("/api/v1/articles/" + slug).then().statusCode(404);
    otherAuthor.request().get("/api/v1/articles/" + slug).then().statusCode(404);
    author.request().get("/api/v1/articles/" + slug).then().statusCode(200);
    editor.request().get("/api/v1/articles/" + slug).then().statusCode(200);

    given()
        .queryParam("q", "Secret draft")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", not(hasItem(slug)));
    // Its tag, which only the draft has, is as hidden as the draft: its name would tell what the
    // unpublished article is about.
    given().get("/api/v1/tags/" + tag).then().statusCode(404);
    given().get("/feeds/tags/" + tag + ".atom").then().statusCode(404);
    given()
        .queryParam("limit", 100)
        .queryParam("sort", "name")
        .get("/api/v1/tags")
        .then()
        .body("items.slug", not(hasItem(tag)));
    given().queryParam("tag", tag).get("/api/v1/articles").then().statusCode(400);
    given()
        .queryParam("tag", tag)
        .queryParam("q", "Secret")
        .get("/api/v1/articles")
        .then()
        .statusCode(400);
    given().get("/api/v1/authors/" + author.handle()).then().body("articles", equalTo(0));

    author
        .request()
        .queryParam("status", "draft")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", hasItem(slug))
        .header("Cache-Control", containsString("private"));
    otherAuthor
        .request()
        .queryParam("status", "draft")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", not(hasItem(slug)));
    editor
        .request()
        .queryParam("status", "draft")
        .queryParam("limit", 100)
        .queryParam("tag", tag)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", hasItem(slug));
    reader.request().queryParam("status", "draft").get("/api/v1/articles").then().statusCode(403);
    given().queryParam("status", "draft").get("/api/v1/articles").then().statusCode(401);
    given().queryParam("status", "gone").get("/api/v1/articles").then().statusCode(400);
    author
        .request()
        .queryParam("status", "draft")
        .queryParam("sort", "publishedAt")
        .get("/api/v1/articles")
        .then()
        .statusCode(400);
  }

  @Test
  void editorsPublishAndScheduleAndUnpublish() throws InterruptedException {
    Users.User author = users.author();
    Users.User editor = users.editor();
    String tag = Fixtures.unique("pub");
    String slug = create(author, article("To publish " + Fixtures.unique("t"), tag));

    author.request().post("/api/v1/articles/" + slug + "/publish").then().statusCode(403);
    editor
        .request()
        .post("/api/v1/articles/" + slug + "/publish")
        .then()
        .statusCode(200)
        .body("status", equalTo("published"));
    given().get("/api/v1/articles/" + slug).then().statusCode(200);
    given().get("/api/v1/tags/" + tag).then().body("articles", equalTo(1));
    given().get("/api/v1/authors/" + author.handle()).then().body("articles", equalTo(1));

    editor
        .request()
        .post("/api/v1/articles/" + slug + "/unpublish")
        .then()
        .statusCode(200)
        .body("status", equalTo("draft"));
    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    given().get("/api/v1/tags/" + tag).then().statusCode(404);

    Instant at = Instant.now().plusSeconds(3);
    editor
        .json()
        .body(Map.of("at", at.toString()))
        .post("/api/v1/articles/" + slug + "/publish")
        .then()
        .statusCode(200)
        .body("status", equalTo("scheduled"));
    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    given().get("/api/v1/tags/" + tag).then().statusCode(404);
    author
        .request()
        .queryParam("status", "scheduled")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", hasItem(slug));
    Thread.sleep(3500);
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("status", equalTo("published"));
    given().queryParam("tag", tag).get("/api/v1/articles").then().body("items.slug", hasItem(slug));

    editor
        .json()
        .body(Map.of("at", "tomorrow"))
        .post("/api/v1/articles/" + slug + "/publish")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void feedbackSortsFollowPublicationAndKeepTheCounters() {
    Users.User author = users.author();
    Users.User editor = users.editor();
    Users.User reader = users.reader();
    String tag = Fixtures.unique("sorted");
    // An editor's tag, public with no article, so that its listing answers while it has none.
    editor.json().body(Map.of("name", tag)).post("/api/v1/tags").then().statusCode(201);
    String slug = create(author, article("Sorted by likes " + Fixtures.unique("t"), tag));
    editor.request().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
    reader.request().put("/api/v1/articles/" + slug + "/like").then().statusCode(204);

    for (String sort : List.of("-likes", "-comments", "-rating")) {
      listed(tag, sort).body("items.slug", contains(slug)).body("items[0].stats.likes", equalTo(1));
    }

    editor.request().post("/api/v1/articles/" + slug + "/unpublish").then().statusCode(200);
    listed(tag, "-likes").body("items", empty());

    editor.request().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
    listed(tag, "-likes")
        .body("items.slug", contains(slug))
        .body("items[0].stats.likes", equalTo(1));

    author.request().delete("/api/v1/articles/" + slug).then().statusCode(204);
    listed(tag, "-likes").body("items", empty());
  }

  /** The public listing of {@code tag} in order {@code sort}, answered 200. */
  private static ValidatableResponse listed(String tag, String sort) {
    return given()
        .queryParam("tag", tag)
        .queryParam("sort", sort)
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void partialUpdatesHonourIfMatch() {
    Users.User author = users.author();
    String slug = create(author, article("Editable " + Fixtures.unique("t"), "Linux"));
    String etag = author.request().get("/api/v1/articles/" + slug).then().extract().header("ETag");

    Map<String, Object> change = new HashMap<>();
    change.put("summary", "A sharper summary.");
    change.put("coverImageUrl", "https://images.example.net/c.png");
    String newEtag =
        author
            .json()
            .header("If-Match", etag)
            .body(change)
            .patch("/api/v1/articles/" + slug)
            .then()
            .statusCode(200)
            .body("summary", equalTo("A sharper summary."))
            .body("title", containsString("Editable"))
            .body("tags.name", contains("Linux"))
            .body("coverImageUrl", equalTo("https://images.example.net/c.png"))
            .extract()
            .header("ETag");
    assertThat(newEtag).isNotEqualTo(etag);

    author
        .json()
        .header("If-Match", etag)
        .body(Map.of("title", "Lost update"))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/precondition-failed"));
    author
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("title", not(equalTo("Lost update")));

    Map<String, Object> clear = new HashMap<>();
    clear.put("coverImageUrl", null);
    clear.put("tags", List.of("Rust", "Linux"));
    author
        .json()
        .header("If-Match", newEtag)
        .body(clear)
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("coverImageUrl", nullValue())
        .body("tags.name", contains("Rust", "Linux"));
  }

  @Test
  void rejectsInvalidArticlesAndMassAssignment() {
    Users.User author = users.author();
    Map<String, Object> empty = new HashMap<>();
    author
        .json()
        .body(empty)
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("title"))
        .body("errors.field", hasItem("summary"))
        .body("errors.field", hasItem("body"));

    Map<String, Object> bad = article("x".repeat(201));
    bad.put("sourceUrl", "javascript:alert(1)");
    bad.put("referenceUrl", "/relative/path");
    bad.put("coverImageUrl", "ftp://example.org/x.png");
    bad.put("tags", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"));
    author
        .json()
        .body(bad)
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("title"))
        .body("errors.field", hasItem("sourceUrl"))
        .body("errors.field", hasItem("referenceUrl"))
        .body("errors.field", hasItem("coverImageUrl"))
        .body("errors.field", hasItem("tags"));

    for (String field : List.of("author", "status", "likes", "publishedAt", "slug", "stats")) {
      Map<String, Object> sneaky = article("Sneaky " + Fixtures.unique("t"));
      sneaky.put(field, "x");
      author
          .json()
          .body(sneaky)
          .post("/api/v1/articles")
          .then()
          .statusCode(400)
          .body("errors.field", hasItem(field));
    }
    String slug = create(author, article("Fine " + Fixtures.unique("t")));
    for (String field : List.of("author", "status", "publishedAt", "updatedAt", "likes")) {
      author
          .json()
          .body(Map.of(field, "x"))
          .patch("/api/v1/articles/" + slug)
          .then()
          .statusCode(400)
          .body("errors.field", hasItem(field));
    }
    author
        .json()
        .body(Map.of("title", ""))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("title"));
    Map<String, Object> nullTitle = new HashMap<>();
    nullTitle.put("title", null);
    author
        .json()
        .body(nullTitle)
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("title"));
    author
        .json()
        .body(Map.of("tags", "Rust"))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("tags"));
  }

  @Test
  void oversizedBodiesAreRejectedWith413() {
    Users.User author = users.author();
    String huge = "{\"title\":\"" + "x".repeat(1_200_000) + "\"}";
    author
        .json()
        .body(huge)
        .post("/api/v1/articles")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void deletionIsSoftAndAnswers410() {
    Users.User author = users.author();
    Users.User editor = users.editor();
    String slug = create(author, article("Doomed " + Fixtures.unique("t")));
    editor.request().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);

    author.request().delete("/api/v1/articles/" + slug).then().statusCode(204);
    given().get("/api/v1/articles/" + slug).then().statusCode(410);
    author.request().get("/api/v1/articles/" + slug).then().statusCode(410);
    author.request().delete("/api/v1/articles/" + slug).then().statusCode(410);
    author
        .json()
        .body(Map.of("title", "zombie"))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(410);
    given()
        .queryParam("author", author.handle())
        .get("/api/v1/articles")
        .then()
        .body("page.total", equalTo(0));
  }
}
