package io.pressroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FollowedFeedTest {

  @Inject Users users;
  @Inject Fixtures fixtures;
  @Inject SqlStatements statements;

  @Test
  void theFeedHasThePublishedArticlesOfFollowedAuthorsNewestFirst() {
    Account followed = fixtures.author();
    Account alsoFollowed = fixtures.author();
    Account notFollowed = fixtures.author();
    Instant now = Instant.now();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Account author = i % 2 == 0 ? followed : alsoFollowed;
      expected.add(
          0, fixtures.article(author).publishedAt(now.minusSeconds(600 - i * 60)).create());
    }
    fixtures.article(notFollowed).publishedAt(now.minusSeconds(30)).create();
    String draft = fixtures.article(followed).publishedAt(now.minusSeconds(20)).create();
    fixtures.markDraft(draft);
    String deleted = fixtures.article(followed).publishedAt(now.minusSeconds(10)).create();
    fixtures.markDeleted(deleted);
    fixtures.article(followed).publishedAt(now.plusSeconds(3600)).create();
    Users.User reader = users.reader();
    reader.request().put("/api/v1/authors/" + followed.handle() + "/follow").then().statusCode(204);
    reader
        .request()
        .put("/api/v1/authors/" + alsoFollowed.handle() + "/follow")
        .then()
        .statusCode(204);

    Response first =
        reader
            .request()
            .queryParam("limit", 2)
            .get("/api/v1/me/feed")
            .then()
            .statusCode(200)
            .header("Cache-Control", "private, no-cache")
            .header("Link", containsString("rel=\"next\""))
            .body("page.limit", equalTo(2))
            .body("page.total", equalTo(5))
            .body("items[0].author.handle", equalTo(followed.handle()))
            .body("items[0].stats.likes", equalTo(0))
            .extract()
            .response();
    List<String> seen = new ArrayList<>(first.jsonPath().getList("items.slug", String.class));
    String cursor = first.jsonPath().getString("page.next");
    int pages = 1;
    while (cursor != null && pages < 10) {
      Response page =
          reader
              .request()
              .queryParam("limit", 2)
              .queryParam("cursor", cursor)
              .get("/api/v1/me/feed")
              .then()
              .statusCode(200)
              .body("page.total", equalTo(5))
              .extract()
              .response();
      seen.addAll(page.jsonPath().getList("items.slug", String.class));
      cursor = page.jsonPath().getString("page.next");
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(expected);

    // The items are the summaries of /api/v1/articles.
    String newest = expected.get(0);
    Object inFeed =
        reader
            .request()
            .queryParam("limit", 1)
            .get("/api/v1/me/feed")
            .jsonPath()
            .getMap("items[0]");
    Object inList =
        given()
            .queryParam("author", followed.handle())
            .queryParam("limit", 1)
            .get("/api/v1/articles")
            .jsonPath()
            .getMap("items[0]");
    assertThat(((java.util.Map<?, ?>) inFeed).get("slug")).isEqualTo(newest);
    assertThat(inFeed).isEqualTo(inList);

    reader
        .request()
        .delete("/api/v1/authors/" + alsoFollowed.handle() + "/follow")
        .then()
        .statusCode(204);
    reader
        .request()
        .get("/api/v1/me/feed")
        .then()
        .statusCode(200)
        .body("page.total", equalTo(3))
        .body("page.next", nullValue());
  }

  @Test
  void theFeedIsEmptyWithoutFollowsAndNeedsASignedInCaller() {
    fixtures.article(fixtures.author()).create();
    users
        .reader()
        .request()
        .get("/api/v1/me/feed")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0))
        .body("page.total", equalTo(0))
        .body("page.limit", equalTo(20))
        .body("page.next", nullValue());
    given().get("/api/v1/me/feed").then().statusCode(401).contentType("application/problem+json");
    Users.User reader = users.reader();
    reader
        .request()
        .queryParam("limit", 0)
        .get("/api/v1/me/feed")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("limit"));
    reader
        .request()
        .queryParam("cursor", "forged.cursor")
        .get("/api/v1/me/feed")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void theFeedRunsAFixedNumberOfStatementsWhateverThePageSize() {
    Account author = fixtures.author();
    for (int i = 0; i < 30; i++) {
      fixtures.article(author).tags(fixtures.tag()).create();
    }
    Users.User reader = users.reader();
    reader.request().put("/api/v1/authors/" + author.handle() + "/follow").then().statusCode(204);
    reader.request().queryParam("limit", 1).get("/api/v1/me/feed").then().statusCode(200);

    long small = count(reader, "/api/v1/me/feed?limit=2");
    long large = count(reader, "/api/v1/me/feed?limit=30");
    // The count joined to the page of kept summaries (the account check is remembered).
    assertThat(small).isEqualTo(1);
    assertThat(large).isEqualTo(1);
  }

  @Test
  void theArticlePageWithTheViewerRunsAtMostTwoStatements() {
    Account author = fixtures.author();
    String slug = fixtures.article(author).tags(fixtures.tag()).create();
    Users.User reader = users.reader();
    reader.request().get("/api/v1/articles/" + slug).then().statusCode(200);
    reader.request().put("/api/v1/articles/" + slug + "/like").then().statusCode(204);

    long built = count(reader, "/api/v1/articles/" + slug);
    long anonymous =
        statements.countDuring(
            () -> given().get("/api/v1/articles/" + slug).then().statusCode(200));
    long kept = count(reader, "/api/v1/articles/" + slug);
    // The article with its tags, and the viewer (the account check is remembered).
    assertThat(built).isEqualTo(2);
    // The reader's miss kept the public page for everyone.
    assertThat(anonymous).isEqualTo(0);
    // Once the public page is kept and the account check remembered: the viewer.
    assertThat(kept).isEqualTo(1);
  }

  private long count(Users.User user, String path) {
    return statements.countDuring(() -> user.request().get(path).then().statusCode(200));
  }
}
