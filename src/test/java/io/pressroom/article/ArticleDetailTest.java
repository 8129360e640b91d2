package io.pressroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleDetailTest {

  @Inject Fixtures fixtures;

  @Test
  void showsTheArticlePageWithoutExposingTheSourceUrl() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String slug =
        fixtures
            .article(author)
            .title("Rust enters the kernel " + Fixtures.unique("x"))
            .body("## Why\n\nIt is **safe**.\n\n- one\n- two\n\n[ref](https://lwn.example.org/a)")
            .tags(tag)
            .create();

    Response response =
        given()
            .get("/api/v1/articles/" + slug)
            .then()
            .statusCode(200)
            .contentType("application/json")
            .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
            .header("Vary", "Authorization, Accept-Encoding, Origin")
            .body("slug", equalTo(slug))
            .body("status", equalTo("published"))
            .body("author.handle", equalTo(author.handle()))
            .body("source.available", equalTo(true))
            .body("source.publisher", equalTo("Example News"))
            .body("republication.notice", equalTo("Distilled and republished from Example News."))
            .body("referenceUrl", startsWith("https://reference.example.org/"))
            .extract()
            .response();

    Map<String, Object> body = response.jsonPath().getMap("");
    assertThat(body.keySet())
        .containsExactlyInAnyOrder(
            "slug",
            "title",
            "summary",
            "author",
            "tags",
            "publishedAt",
            "updatedAt",
            "readingMinutes",
            "coverImageUrl",
            "stats",
            "status",
            "body",
            "html",
            "referenceUrl",
            "source",
            "republication");
    assertThat(response.jsonPath().getMap("source").keySet())
        .containsExactlyInAnyOrder("available", "publisher");
    assertThat(response.asString()).doesNotContain("news.example.com/original");
    assertThat(response.jsonPath().getString("html"))
        .contains("<h2>Why</h2>")
        .contains("<strong>safe</strong>")
        .contains("<li>one</li>")
        .contains("href=\"https://lwn.example.org/a\"")
        .containsPattern("rel=\"(?=[^\"]*nofollow)(?=[^\"]*noopener)(?=[^\"]*noreferrer)[^\"]*\"");
    assertThat(response.jsonPath().getString("body")).startsWith("## Why");
  }

  @Test
  void sanitisesHostileMarkdown() {
    Account author = fixtures.author();
    String slug =
        fixtures
            .article(author)
            .body(
                "Hi <script>alert(1)</script> <img src=x onerror=alert(2)>"
                    + " [click](javascript:alert(3)) <a href=\"data:text/html,x\">d</a>"
                    + " <iframe src=\"https://evil.example.com\"></iframe>")
            .create();

    String html =
        given().get("/api/v1/articles/" + slug).then().statusCode(200).extract().path("html");
    assertThat(html.toLowerCase())
        .doesNotContain("<script")
        .doesNotContain("onerror")
        .doesNotContain("javascript:")
        .doesNotContain("data:text")
        .doesNotContain("<iframe");
  }

  @Test
  void anArticleWithoutSourceSaysSo() {
    String slug = fixtures.article(fixtures.author()).noSource().create();
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("source.available", equalTo(false))
        .body("source.publisher", nullValue());
  }

  @Test
  void answersConditionalRequestsWithNotModified() {
    String slug = fixtures.article(fixtures.author()).create();
    String etag =
        given().get("/api/v1/articles/" + slug).then().statusCode(200).extract().header("ETag");
    assertThat(etag).matches("W/\"v[0-9]+-[0-9a-f]{16}\"");

    Response notModified =
        given()
            .header("If-None-Match", etag)
            .get("/api/v1/articles/" + slug)
            .then()
            .statusCode(304)
            .header("ETag", etag)
            .extract()
            .response();
    assertThat(notModified.asString()).isEmpty();

    given()
        .header("If-None-Match", "W/\"something-else\"")
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", etag);

    fixtures.setCounters(slug, 1, 0, 0, 0);
    given()
        .header("If-None-Match", etag)
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(etag)))
        .body("stats.likes", equalTo(1));
  }

  @Test
  void unknownSlugIsNotFound() {
    given()
        .get("/api/v1/articles/no-such-article-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"))
        .body("title", equalTo("Not found"))
        .body("status", equalTo(404))
        .body("detail", equalTo("No article has the slug 'no-such-article-here'."))
        .body("instance", equalTo("/api/v1/articles/no-such-article-here"));
  }

  @Test
  void deletedArticleIsGone() {
    String slug = fixtures.article(fixtures.author()).create();
    fixtures.markDeleted(slug);
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/gone"))
        .body("status", equalTo(410));
  }

  @Test
  void draftsAndScheduledArticlesAreNotPublic() {
    Account author = fixtures.author();
    String draft = fixtures.article(author).create();
    fixtures.markDraft(draft);
    String scheduled =
        fixtures.article(author).publishedAt(Instant.now().plusSeconds(3600)).create();

    given().get("/api/v1/articles/" + draft).then().statusCode(404);
    given().get("/api/v1/articles/" + scheduled).then().statusCode(404);
  }

  @Test
  void scheduledArticleBecomesPublicAtItsInstantWithoutAJob() throws InterruptedException {
    String slug =
        fixtures.article(fixtures.author()).publishedAt(Instant.now().plusSeconds(2)).create();
    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    Thread.sleep(2500);
    given().get("/api/v1/articles/" + slug).then().statusCode(200);
  }

  @Test
  void slugsAreUniqueForEqualTitles() {
    Account author = fixtures.author();
    String title = "Same title " + Fixtures.unique("t");
    String first = fixtures.article(author).title(title).create();
    String second = fixtures.article(author).title(title).create();
    assertThat(second).isNotEqualTo(first).startsWith(first);
    given().get("/api/v1/articles/" + second).then().statusCode(200).body("title", equalTo(title));
  }
}
