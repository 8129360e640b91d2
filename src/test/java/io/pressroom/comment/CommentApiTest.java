package io.pressroom.comment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.support.Fixtures;
import io.pressroom.support.PublicUrls;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentApiTest {

  @Inject Users users;
  @Inject Fixtures fixtures;

  private String article() {
    return fixtures.article(fixtures.author()).create();
  }

  static String commentsOf(String slug) {
    return "/api/v1/articles/" + slug + "/comments";
  }

  static long post(Users.User user, String slug, String body) {
    return post(user, slug, body, null);
  }

  static long post(Users.User user, String slug, String body, Long parentId) {
    Map<String, Object> request = new HashMap<>();
    request.put("body", body);
    if (parentId != null) {
      request.put("parentId", parentId);
    }
    return user.json()
        .body(request)
        .post(commentsOf(slug))
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static int statsComments(String slug) {
    return given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .extract()
        .path("stats.comments");
  }

  @Test
  void aSignedInReaderCommentsAndTheCommentIsListed() {
    String slug = article();
    Users.User reader = users.reader();
    Response response =
        reader
            .json()
            .body(Map.of("body", "Finally **Rust** in the kernel."))
            .post(commentsOf(slug))
            .then()
            .statusCode(201)
            .contentType("application/json")
            .header("Location", matchesPattern(".*/api/v1/comments/\\d+$"))
            .body("parentId", nullValue())
            .body("body", equalTo("Finally **Rust** in the kernel."))
            .body("html", equalTo("<p>Finally <strong>Rust</strong> in the kernel.</p>\n"))
            .body("author.handle", equalTo(reader.handle()))
            .body("author.name", equalTo(reader.handle()))
            .body("author.avatarUrl", nullValue())
            .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
            .body("editedAt", nullValue())
            .body("deleted", equalTo(false))
            .extract()
            .response();
    long id = response.jsonPath().getLong("id");
    assertThat(response.header("Location")).endsWith("/api/v1/comments/" + id);
    assertThat(response.jsonPath().getMap("").keySet())
        .isEqualTo(
            Set.of("id", "parentId", "body", "html", "author", "createdAt", "editedAt", "deleted"));

    JsonPath list =
        given()
            .get(commentsOf(slug))
            .then()
            .statusCode(200)
            .header("ETag", notNullValue())
            .header("Cache-Control", containsString("public"))
            .body("page.limit", equalTo(20))
            .body("page.total", equalTo(1))
            .body("page.next", nullValue())
            .extract()
            .jsonPath();
    assertThat(list.getMap("items[0]")).isEqualTo(response.jsonPath().getMap(""));
    given().get("/api/v1/comments/" + id).then().statusCode(200).body("id", equalTo((int) id));
    assertThat(statsComments(slug)).isEqualTo(1);
  }

  @Test
  void repliesFormThreadsListedOldestFirst() {
    String slug = article();
    Users.User ann = users.reader();
    Users.User bob = users.reader();
    long first = post(ann, slug, "First.");
    long reply = post(bob, slug, "A reply.", first);
    long second = post(bob, slug, "Second thread.");
    long nested = post(ann, slug, "Reply to the reply.", reply);

    given()
        .get(commentsOf(slug))
        .then()
        .statusCode(200)
        .body("items.id", contains((int) first, (int) reply, (int) second, (int) nested))
        .body("items.parentId", contains(null, (int) first, null, (int) reply))
        .body(
            "items.author.handle", contains(ann.handle(), bob.handle(), bob.handle(), ann.handle()))
        .body("page.total", equalTo(4));
    assertThat(statsComments(slug)).isEqualTo(4);
  }

  @Test
  void pagesFollowTheCursorOldestFirstWithALinkHeader() {
    String slug = article();
    Users.User reader = users.reader();
    List<Integer> posted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      posted.add((int) post(reader, slug, "Comment " + i));
    }

    List<Integer> seen = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 3; page++) {
      var request = given().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response response =
          request
              .get(commentsOf(slug))
              .then()
              .statusCode(200)
              .body("page.limit", equalTo(2))
              .body("page.total", equalTo(5))
              .extract()
              .response();
      seen.addAll(response.jsonPath().getList("items.id", Integer.class));
      cursor = response.jsonPath().getString("page.next");
      if (page < 2) {
        assertThat(cursor).isNotNull();
        assertThat(response.header("Link"))
            .contains(commentsOf(slug) + "?limit=2&cursor=")
            .endsWith(">; rel=\"next\"");
      } else {
        assertThat(cursor).isNull();
        assertThat(response.header("Link")).isNull();
      }
    }
    assertThat(seen).isEqualTo(posted);

    // A comment that arrives meanwhile does not shift what the cursor points at.
    String second =
        given().queryParam("limit", 2).get(commentsOf(slug)).then().extract().path("page.next");
    long late = post(reader, slug, "Late.");
    given()
        .queryParam("limit", 2)
        .queryParam("cursor", second)
        .get(commentsOf(slug))
        .then()
        .body("items.id", contains(posted.get(2), posted.get(3)));
    given()
        .queryParam("limit", 2)
        .queryParam("page", 3)
        .get(commentsOf(slug))
        .then()
        .statusCode(200)
        .body("items.id", contains(posted.get(4), (int) late));
    given()
        .queryParam("cursor", "not-a-cursor")
        .get(commentsOf(slug))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"));
    given().queryParam("limit", 101).get(commentsOf(slug)).then().statusCode(400);
  }

  @Test
  void aParentMustBeALiveCommentOfTheSameArticle() {
    String slug = article();
    String other = article();
    Users.User reader = users.reader();
    long elsewhere = post(reader, other, "On another article.");

    reader
        .json()
        .body(Map.of("body", "Reply.", "parentId", elsewhere))
        .post(commentsOf(slug))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/validation"))
        .body("errors.field", contains("parentId"));
    reader
        .json()
        .body(Map.of("body", "Reply.", "parentId", Long.MAX_VALUE))
        .post(commentsOf(slug))
        .then()
        .statusCode(400)
        .body("errors.field", contains("parentId"));
    reader
        .json()
        .body(Map.of("body", "Reply.", "parentId", "first"))
        .post(commentsOf(slug))
        .then()
        .statusCode(400)
        .body("errors.field", contains("parentId"));

    long deleted = post(reader, slug, "To be deleted.");
    reader.request().delete("/api/v1/comments/" + deleted).then().statusCode(204);
    reader
        .json()
        .body(Map.of("body", "Reply to a deleted comment.", "parentId", deleted))
        .post(commentsOf(slug))
        .then()
        .statusCode(400)
        .body("errors.field", contains("parentId"))
        .body("errors[0].message", containsString("deleted"));
    assertThat(statsComments(slug)).isZero();
    assertThat(statsComments(other)).isEqualTo(1);
  }

  @Test
  void threadsAreAtMostTenLevelsDeep() {
    String slug = article();
    Users.User reader = users.reader();
    long parent = post(reader, slug, "Level 1.");
    for (int level = 2; level <= CommentService.MAX_THREAD_LEVELS; level++) {
      parent = post(reader, slug, "Level " + level + ".", parent);
    }

    reader
        .json()
        .body(Map.of("body", "One level too deep.", "parentId", parent))
        .post(commentsOf(slug))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/validation"))
        .body("errors.field", contains("parentId"))
        .body("errors[0].message", containsString("deepest level"));
    assertThat(statsComments(slug)).isEqualTo(CommentService.MAX_THREAD_LEVELS);
  }

  @Test
  void theAuthorEditsAndEditedAtIsSet() {
    String slug = article();
    Users.User author = users.reader();
    Users.User other = users.reader();
    Users.User editor = users.editor();
    long id = post(author, slug, "Teh typo.");

    author
        .json()
        .body(Map.of("body", "The *fix*."))
        .patch("/api/v1/comments/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo((int) id))
        .body("body", equalTo("The *fix*."))
        .body("html", equalTo("<p>The <em>fix</em>.</p>\n"))
        .body("editedAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
        .body("author.handle", equalTo(author.handle()));
    given()
        .get(commentsOf(slug))
        .then()
        .body("items[0].body", equalTo("The *fix*."))
        .body("items[0].editedAt", notNullValue());

    other
        .json()
        .body(Map.of("body", "Not yours."))
        .patch("/api/v1/comments/" + id)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    editor
        .json()
        .body(Map.of("body", "Not yours either."))
        .patch("/api/v1/comments/" + id)
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .body(Map.of("body", "Anonymous."))
        .patch("/api/v1/comments/" + id)
        .then()
        .statusCode(401);
    author
        .json()
        .body(Map.of("body", "x", "parentId", 1))
        .patch("/api/v1/comments/" + id)
        .then()
        .statusCode(400);
    author
        .json()
        .body(Map.of("body", " "))
        .patch("/api/v1/comments/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", contains("body"));
    author
        .json()
        .body(Map.of("body", "Nobody's."))
        .patch("/api/v1/comments/" + Long.MAX_VALUE)
        .then()
        .statusCode(404);
    given().get(commentsOf(slug)).then().body("items[0].body", equalTo("The *fix*."));
  }

  @Test
  void theAuthorOrAnEditorDeletesOthersMayNot() {
    String slug = article();
    Users.User author = users.reader();
    Users.User other = users.reader();
    Users.User editor = users.editor();
    Users.User writer = users.author();
    long byAuthor = post(author, slug, "Mine to delete.");
    long byEditor = post(author, slug, "An editor deletes this.");
    long kept = post(author, slug, "This one stays.");
    assertThat(statsComments(slug)).isEqualTo(3);

    given().delete("/api/v1/comments/" + byAuthor).then().statusCode(401);
    other.request().delete("/api/v1/comments/" + byAuthor).then().statusCode(403);
    writer.request().delete("/api/v1/comments/" + byAuthor).then().statusCode(403);
    author.request().delete("/api/v1/comments/" + byAuthor).then().statusCode(204);
    editor.request().delete("/api/v1/comments/" + byEditor).then().statusCode(204);
    author
        .request()
        .delete("/api/v1/comments/" + byAuthor)
        .then()
        .statusCode(410)
        .contentType("application/problem+json");
    author
        .json()
        .body(Map.of("body", "Back from the dead?"))
        .patch("/api/v1/comments/" + byAuthor)
        .then()
        .statusCode(410);
    editor.request().delete("/api/v1/comments/" + Long.MAX_VALUE).then().statusCode(404);

    given()
        .get(commentsOf(slug))
        .then()
        .body("items.id", contains((int) kept))
        .body("page.total", equalTo(1));
    given().get("/api/v1/comments/" + byAuthor).then().statusCode(410);
    assertThat(statsComments(slug)).isEqualTo(1);
  }

  @Test
  void aDeletedCommentWithRepliesStaysAsAPlaceholderUntilItsRepliesGo() {
    String slug = article();
    Users.User ann = users.reader();
    Users.User bob = users.reader();
    Users.User editor = users.editor();
    long root = post(ann, slug, "Root with a secret.");
    long middle = post(bob, slug, "Middle.", root);
    long leaf = post(ann, slug, "Leaf.", middle);
    long sibling = post(bob, slug, "Sibling.", root);

    ann.request().delete("/api/v1/comments/" + root).then().statusCode(204);
    editor.request().delete("/api/v1/comments/" + middle).then().statusCode(204);
    Response response =
        given()
            .get(commentsOf(slug))
            .then()
            .statusCode(200)
            .body("items.id", contains((int) root, (int) middle, (int) leaf, (int) sibling))
            .body("items.deleted", contains(true, true, false, false))
            .body("page.total", equalTo(4))
            .extract()
            .response();
    Map<String, Object> placeholder = response.jsonPath().getMap("items[0]");
    assertThat(placeholder)
        .containsEntry("id", (int) root)
        .containsEntry("parentId", null)
        .containsEntry("body", null)
        .containsEntry("html", null)
        .containsEntry("author", null)
        .containsEntry("editedAt", null)
        .containsEntry("deleted", true)
        .containsKey("createdAt");
    assertThat(response.asString()).doesNotContain("secret").doesNotContain("Middle.");
    assertThat(response.jsonPath().getMap("items[1]")).containsEntry("parentId", (int) root);
    given()
        .get("/api/v1/comments/" + root)
        .then()
        .statusCode(200)
        .body("deleted", equalTo(true))
        .body("body", nullValue());
    assertThat(statsComments(slug)).isEqualTo(2);

    // The leaf goes: the middle placeholder has nothing left below it and goes too; the root
    // keeps its other reply and stays.
    ann.request().delete("/api/v1/comments/" + leaf).then().statusCode(204);
    given()
        .get(commentsOf(slug))
        .then()
        .body("items.id", contains((int) root, (int) sibling))
        .body("page.total", equalTo(2));
    given().get("/api/v1/comments/" + middle).then().statusCode(410);

    bob.request().delete("/api/v1/comments/" + sibling).then().statusCode(204);
    given()
        .get(commentsOf(slug))
        .then()
        .body("items", org.hamcrest.Matchers.empty())
        .body("page.total", equalTo(0));
    assertThat(statsComments(slug)).isZero();
  }

  @Test
  void hostileMarkdownIsSanitised() {
    String slug = article();
    Users.User reader = users.reader();
    String hostile =
        "<script>alert('x')</script>\n\n"
            + "<img src=\"x\" onerror=\"alert(1)\">\n\n"
            + "[click me](javascript:alert(1)) and <a href=\"javascript:alert(2)\">this</a>\n\n"
            + "<iframe src=\"https://evil.example\"></iframe><style>body{}</style>\n\n"
            + "<p onclick=\"alert(3)\">text</p>\n\n[fine](https://example.org/ok)";
    String html =
        reader
            .json()
            .body(Map.of("body", hostile))
            .post(commentsOf(slug))
            .then()
            .statusCode(201)
            .body("body", equalTo(hostile))
            .extract()
            .path("html");
    assertThat(html.toLowerCase())
        .doesNotContain("<script")
        .doesNotContain("onerror")
        .doesNotContain("onclick")
        .doesNotContain("javascript:")
        .doesNotContain("<iframe")
        .doesNotContain("<style")
        .contains("href=\"https://example.org/ok\"");
    given().get(commentsOf(slug)).then().body("items[0].html", equalTo(html));
  }

  @Test
  void bodiesMustHaveTextAndAtMostTenThousandCharacters() {
    String slug = article();
    Users.User reader = users.reader();
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("body", ""),
            Map.of("body", "  \n\t "),
            Map.of(),
            Map.of("body", "x".repeat(10_001)))) {
      reader
          .json()
          .body(bad)
          .post(commentsOf(slug))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/validation"))
          .body("errors.field", contains("body"));
    }
    reader
        .json()
        .body(Map.of("body", "ok", "extra", true))
        .post(commentsOf(slug))
        .then()
        .statusCode(400);
    reader.json().body("not json").post(commentsOf(slug)).then().statusCode(400);
    reader
        .json()
        .body(Map.of("body", "y".repeat(10_000)))
        .post(commentsOf(slug))
        .then()
        .statusCode(201);
    assertThat(statsComments(slug)).isEqualTo(1);
  }

  @Test
  void anonymousCallersReadButMayNotPost() {
    String slug = article();
    given()
        .contentType("application/json")
        .body(Map.of("body", "Anonymous."))
        .post(commentsOf(slug))
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer");
    given().get(commentsOf(slug)).then().statusCode(200).body("page.total", equalTo(0));
  }

  @Test
  void onlyPublishedArticlesHaveComments() {
    Users.User reader = users.reader();
    String draft = article();
    String deleted = article();
    long onDraft = post(reader, draft, "Before it was pulled.");
    long onDeleted = post(reader, deleted, "Before it was deleted.");
    fixtures.markDraft(draft);
    fixtures.markDeleted(deleted);

    given().get(commentsOf(draft)).then().statusCode(404).contentType("application/problem+json");
    given().get(commentsOf(deleted)).then().statusCode(410).contentType("application/problem+json");
    given().get(commentsOf("no-such-article")).then().statusCode(404);
    reader.json().body(Map.of("body", "Hello?")).post(commentsOf(draft)).then().statusCode(404);
    reader.json().body(Map.of("body", "Hello?")).post(commentsOf(deleted)).then().statusCode(410);
    reader
        .json()
        .body(Map.of("body", "Hello?"))
        .post(commentsOf("no-such-article"))
        .then()
        .statusCode(404);
    given().get("/api/v1/comments/" + onDraft).then().statusCode(404);
    given().get("/api/v1/comments/" + onDeleted).then().statusCode(410);
    reader.request().delete("/api/v1/comments/" + onDraft).then().statusCode(404);
    given().get("/api/v1/comments/not-a-number").then().statusCode(404);
  }

  @Test
  void theLocationOfANewCommentServesIt() {
    String slug = article();
    Users.User reader = users.reader();
    String location =
        reader
            .json()
            .body(Map.of("body", "Where am I?"))
            .post(commentsOf(slug))
            .then()
            .statusCode(201)
            .header("Location", notNullValue())
            .extract()
            .header("Location");
    given()
        .get(PublicUrls.path(location))
        .then()
        .statusCode(200)
        .body("body", equalTo("Where am I?"));
  }
}
