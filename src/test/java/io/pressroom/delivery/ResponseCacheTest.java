package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.pressroom.article.ArticleChanged;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResponseCacheTest {

  @Inject Fixtures fixtures;
  @Inject Users users;
  @Inject SqlStatements statements;
  @Inject EntityManager entityManager;
  @Inject Event<ArticleChanged> changes;

  @Test
  void hotAnonymousReadsAreServedFromMemoryWithTheSameValidator() {
    String slug = fixtures.article(fixtures.author()).create();
    String etag =
        given()
            .get("/api/v1/articles/" + slug)
            .then()
            .statusCode(200)
            .header("X-Cache", "miss")
            .extract()
            .header("ETag");

    long sql =
        statements.countDuring(
            () ->
                given()
                    .get("/api/v1/articles/" + slug)
                    .then()
                    .statusCode(200)
                    .header("X-Cache", "hit")
                    .header("ETag", etag)
                    .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300"));
    assertThat(sql).isZero();
    given()
        .header("If-None-Match", etag)
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(304)
        .header("X-Cache", "hit")
        .header("ETag", etag);
  }

  @Test
  void anEditReplacesTheKeptAnswersAtOnce() {
    Users.User author = users.author();
    String slug =
        users.published(
            author,
            Map.of(
                "title", "Cached " + Fixtures.unique("t"), "summary", "Before.", "body", "Body"));
    given().get("/api/v1/articles/" + slug).then().statusCode(200);
    given().queryParam("author", author.handle()).get("/api/v1/articles").then().statusCode(200);
    given().get("/api/v1/articles/" + slug).then().header("X-Cache", "hit");

    author
        .json()
        .body(Map.of("summary", "After."))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);

    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .header("X-Cache", "miss")
        .body("summary", equalTo("After."));
    given()
        .queryParam("author", author.handle())
        .get("/api/v1/articles")
        .then()
        .header("X-Cache", "miss")
        .body("items[0].summary", equalTo("After."));
  }

  @Test
  void feedbackDropsOnlyTheAnswersThatShowTheArticle() {
    String liked = fixtures.article(fixtures.author()).create();
    String other = fixtures.article(fixtures.author()).create();
    given().get("/api/v1/articles/" + liked).then().statusCode(200);
    given().get("/api/v1/articles/" + other).then().statusCode(200);

    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  long articleId =
                      ((Number)
                              entityManager
                                  .createNativeQuery(
                                      "update article_counters set like_count = like_count + 1 where"
                                          + " article_id = (select id from articles where slug ="
                                          + " :s) returning article_id")
                                  .setParameter("s", liked)
                                  .getSingleResult())
                          .longValue();
                  changes.fire(new ArticleChanged(articleId, liked, ArticleChanged.Kind.FEEDBACK));
                  return articleId;
                });
    assertThat(id).isPositive();

    given()
        .get("/api/v1/articles/" + liked)
        .then()
        .header("X-Cache", "miss")
        .body("stats.likes", equalTo(1));
    given().get("/api/v1/articles/" + other).then().header("X-Cache", "hit");
  }

  @Test
  void aScheduledArticleAppearsAtItsInstantDespiteTheCache() throws InterruptedException {
    String tag = fixtures.tag();
    fixtures.article(fixtures.author()).tags(tag).create();
    String later =
        fixtures
            .article(fixtures.author())
            .tags(tag)
            .publishedAt(Instant.now().plusSeconds(2))
            .create();
    given().queryParam("tag", tag).get("/api/v1/articles").then().body("page.total", equalTo(1));
    given().queryParam("tag", tag).get("/api/v1/articles").then().header("X-Cache", "hit");
    Thread.sleep(2300);
    given()
        .queryParam("tag", tag)
        .get("/api/v1/articles")
        .then()
        .body("page.total", equalTo(2))
        .body("items[0].slug", equalTo(later));
  }

  @Test
  void personalAnswersAreNeverKeptOnlyTheirPublicPart() {
    Users.User reader = users.reader();
    String slug = fixtures.article(fixtures.author()).create();
    reader
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, no-cache")
        .header("X-Cache", "miss")
        .body("viewer.liked", equalTo(false));
    reader
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .header("X-Cache", "hit")
        .header("Cache-Control", "private, no-cache")
        .body("viewer.liked", equalTo(false));
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .header("X-Cache", "hit")
        .header("Cache-Control", not(equalTo("private, no-cache")))
        .body("viewer", org.hamcrest.Matchers.nullValue());
  }
}
