package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An article's comments are kept by the response cache like its page, and every write that changes
 * what they show drops them at once: a comment, an edit, a deletion, and the new name or avatar of
 * someone who commented. Writes that show in no discussion leave them kept.
 */
@QuarkusTest
class DiscussionCacheTest {

  @Inject Fixtures fixtures;
  @Inject Users users;

  private static String comments(String slug) {
    return "/api/v1/articles/" + slug + "/comments";
  }

  private static long comment(Users.User reader, String slug, String body) {
    return reader
        .json()
        .body(Map.of("body", body))
        .post(comments(slug))
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** Asks twice: the second answer is the kept one, with the same bytes and validator. */
  private static ExtractableResponse<Response> kept(String path) {
    ExtractableResponse<Response> built =
        given().get(path).then().statusCode(200).header("X-Cache", "miss").extract();
    ExtractableResponse<Response> hit =
        given().get(path).then().statusCode(200).header("X-Cache", "hit").extract();
    assertThat(hit.asByteArray()).isEqualTo(built.asByteArray());
    assertThat(hit.header("ETag")).isEqualTo(built.header("ETag"));
    assertThat(hit.header("Cache-Control")).isEqualTo(built.header("Cache-Control"));
    return hit;
  }

  /** Built again after a write, and kept again: the next answer is the kept one. */
  private static ExtractableResponse<Response> rebuilt(String path) {
    ExtractableResponse<Response> built =
        given().get(path).then().statusCode(200).header("X-Cache", "miss").extract();
    hit(path);
    return built;
  }

  private static void hit(String path) {
    given().get(path).then().statusCode(200).header("X-Cache", equalTo("hit"));
  }

  @Test
  void aDiscussionIsKeptUntilACommentAnEditOrADeletionChangesIt() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User first = users.reader();
    Users.User second = users.reader();
    long id = comment(first, slug, "First thoughts.");
    assertThat(kept(comments(slug)).jsonPath().getList("items.body"))
        .containsExactly("First thoughts.");

    comment(second, slug, "A reply of sorts.");
    assertThat(rebuilt(comments(slug)).jsonPath().getList("items.body"))
        .containsExactly("First thoughts.", "A reply of sorts.");

    first
        .json()
        .body(Map.of("body", "Second thoughts."))
        .patch("/api/v1/comments/" + id)
        .then()
        .statusCode(200);
    assertThat(rebuilt(comments(slug)).jsonPath().getList("items.body"))
        .containsExactly("Second thoughts.", "A reply of sorts.");

    first.request().delete("/api/v1/comments/" + id).then().statusCode(204);
    ExtractableResponse<Response> after = rebuilt(comments(slug));
    assertThat(after.jsonPath().getList("items.body")).containsExactly("A reply of sorts.");
    assertThat(after.jsonPath().getInt("page.total")).isEqualTo(1);
  }

  @Test
  void aCommentersNewNameAndAvatarShowAtOnceAndNothingElseIsDropped() {
    String slug = fixtures.article(fixtures.author()).create();
    String page = "/api/v1/articles/" + slug;
    Users.User reader = users.reader();
    comment(reader, slug, "Worth reading.");
    kept(comments(slug));
    kept(page);

    reader.json().body(Map.of("name", "Renamed Reader")).patch("/api/v1/me").then().statusCode(200);
    assertThat(rebuilt(comments(slug)).jsonPath().getString("items[0].author.name"))
        .isEqualTo("Renamed Reader");
    hit(page);

    String avatar = "https://gravatar.com/avatar/" + Fixtures.unique("a");
    reader.json().body(Map.of("avatarUrl", avatar)).patch("/api/v1/me").then().statusCode(200);
    assertThat(rebuilt(comments(slug)).jsonPath().getString("items[0].author.avatarUrl"))
        .isEqualTo(avatar);
  }

  @Test
  void profileChangesThatShowInNoCommentLeaveDiscussionsKept() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User commenter = users.reader();
    comment(commenter, slug, "Kept as it is.");
    kept(comments(slug));

    // A bio shows in no comment.
    commenter
        .json()
        .body(Map.of("bio", "Reads things."))
        .patch("/api/v1/me")
        .then()
        .statusCode(200);
    hit(comments(slug));

    // A reader who never commented.
    users
        .reader()
        .json()
        .body(Map.of("name", "Quiet Reader"))
        .patch("/api/v1/me")
        .then()
        .statusCode(200);
    hit(comments(slug));

    // Nor does one whose only comment was deleted: it is no longer shown.
    Users.User gone = users.reader();
    long id = comment(gone, slug, "Taken back.");
    gone.request().delete("/api/v1/comments/" + id).then().statusCode(204);
    kept(comments(slug));
    gone.json().body(Map.of("name", "Gone Reader")).patch("/api/v1/me").then().statusCode(200);
    hit(comments(slug));
  }

  @Test
  void signedInReadersShareTheKeptDiscussionAndKeepItForEveryone() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    comment(reader, slug, "Signed in and shared.");
    // A signed-in reader's miss keeps the public answer, which an anonymous client then gets.
    ExtractableResponse<Response> signedIn =
        reader
            .request()
            .get(comments(slug))
            .then()
            .statusCode(200)
            .header("X-Cache", "miss")
            .extract();
    ExtractableResponse<Response> anonymous =
        given().get(comments(slug)).then().statusCode(200).header("X-Cache", "hit").extract();
    assertThat(anonymous.asByteArray()).isEqualTo(signedIn.asByteArray());
    assertThat(anonymous.header("Cache-Control")).startsWith("public");
    ExtractableResponse<Response> again =
        users
            .reader()
            .request()
            .get(comments(slug))
            .then()
            .statusCode(200)
            .header("X-Cache", "hit")
            .extract();
    assertThat(again.asByteArray()).isEqualTo(signedIn.asByteArray());
    assertThat(again.header("Cache-Control")).startsWith("private");
    users
        .reader()
        .request()
        .header("If-None-Match", again.header("ETag"))
        .get(comments(slug))
        .then()
        .statusCode(304);
  }

  @Test
  void eachPageIsKeptByItsOwnAddress() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    for (String body : List.of("One.", "Two.", "Three.")) {
      comment(reader, slug, body);
    }
    String firstPage = comments(slug) + "?limit=2";
    String next = kept(firstPage).jsonPath().getString("page.next");
    String secondPage = comments(slug) + "?limit=2&cursor=" + next;
    assertThat(kept(secondPage).jsonPath().getList("items.body")).containsExactly("Three.");
    comment(reader, slug, "Four.");
    assertThat(rebuilt(secondPage).jsonPath().getList("items.body"))
        .containsExactly("Three.", "Four.");
  }
}
