package io.pressroom.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.article.ArticleChanged;
import io.pressroom.support.Concurrently;
import io.pressroom.support.Fixtures;
import io.pressroom.support.RecordedChanges;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LikeApiTest {

  @Inject Users users;
  @Inject Fixtures fixtures;
  @Inject RecordedChanges changes;
  @Inject EntityManager entityManager;

  @Test
  void likesAreIdempotentAndCounted() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    Users.User other = users.reader();

    reader.request().put(path(slug)).then().statusCode(204).body(emptyString());
    reader.request().put(path(slug)).then().statusCode(204);
    assertThat(likes(slug)).isEqualTo(1);
    reader.request().get("/api/v1/articles/" + slug).then().body("viewer.liked", equalTo(true));
    other.request().get("/api/v1/articles/" + slug).then().body("viewer.liked", equalTo(false));

    other.request().put(path(slug)).then().statusCode(204);
    assertThat(likes(slug)).isEqualTo(2);

    other.request().delete(path(slug)).then().statusCode(204).body(emptyString());
    other.request().delete(path(slug)).then().statusCode(204);
    assertThat(likes(slug)).isEqualTo(1);
    reader.request().get("/api/v1/articles/" + slug).then().body("viewer.liked", equalTo(true));
    other.request().get("/api/v1/articles/" + slug).then().body("viewer.liked", equalTo(false));
    assertThat(rows(slug)).isEqualTo(1);
  }

  @Test
  void onlyChangesFireAnEventForCaches() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    int before = changes.of(slug).size();

    reader.request().put(path(slug)).then().statusCode(204);
    reader.request().put(path(slug)).then().statusCode(204);
    reader.request().delete(path(slug)).then().statusCode(204);
    reader.request().delete(path(slug)).then().statusCode(204);

    List<ArticleChanged> fired = changes.of(slug).subList(before, changes.of(slug).size());
    assertThat(fired).hasSize(2).allMatch(e -> e.kind() == ArticleChanged.Kind.FEEDBACK);
  }

  @Test
  void signedInCallersOfAnyRoleLikeAndAnonymousOnesGet401() {
    String slug = fixtures.article(fixtures.author()).create();

    given()
        .put(path(slug))
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401));
    given().delete(path(slug)).then().statusCode(401);
    given()
        .header("Authorization", "Bearer not-a-token")
        .put(path(slug))
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    assertThat(likes(slug)).isZero();

    users.reader().request().put(path(slug)).then().statusCode(204);
    users.author().request().put(path(slug)).then().statusCode(204);
    users.editor().request().put(path(slug)).then().statusCode(204);
    users.admin().request().put(path(slug)).then().statusCode(204);
    assertThat(likes(slug)).isEqualTo(4);
  }

  @Test
  void onlyPublishedArticlesCanBeLiked() {
    Users.User reader = users.reader();
    String draft = fixtures.article(fixtures.author()).create();
    fixtures.markDraft(draft);
    String deleted = fixtures.article(fixtures.author()).create();
    fixtures.markDeleted(deleted);
    String scheduled =
        fixtures
            .article(fixtures.author())
            .publishedAt(java.time.Instant.now().plusSeconds(3600))
            .create();

    reader
        .request()
        .put(path("no-such-article-" + Fixtures.unique("x")))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
    reader.request().put(path(draft)).then().statusCode(404);
    reader.request().put(path(scheduled)).then().statusCode(404);
    reader
        .request()
        .put(path(deleted))
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/gone"));
    reader.request().delete(path(deleted)).then().statusCode(410);
    reader.request().delete(path(draft)).then().statusCode(404);
  }

  @Test
  void twentyReadersLikingAtOnceAreTwentyLikes() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    List<Users.User> readers = readers(20);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (Users.User reader : readers) {
      calls.add(() -> reader.request().put(path(slug)).statusCode());
      calls.add(() -> reader.request().put(path(slug)).statusCode());
    }

    List<Integer> statuses = Concurrently.run(20, calls);

    assertThat(statuses).containsOnly(204);
    assertThat(likes(slug)).isEqualTo(20);
    assertThat(rows(slug)).isEqualTo(20);
  }

  @Test
  void oneReaderLikingAndUnlikingAtOnceKeepsTheCounterEqualToTheRows() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    Users.User steady = users.reader();
    steady.request().put(path(slug)).then().statusCode(204);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(
          i % 2 == 0
              ? () -> reader.request().put(path(slug)).statusCode()
              : () -> reader.request().delete(path(slug)).statusCode());
    }

    List<Integer> statuses = Concurrently.run(16, calls);

    assertThat(statuses).containsOnly(204);
    long rows = rows(slug);
    assertThat(rows).isBetween(1L, 2L);
    assertThat(likes(slug)).isEqualTo(rows);
    reader
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("viewer.liked", equalTo(rows == 2));
  }

  @Test
  void manyReadersLikingAndUnlikingOneArticleAtOnceKeepTheCounterEqualToTheRows() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    List<Users.User> readers = readers(12);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (Users.User reader : readers) {
        calls.add(() -> reader.request().put(path(slug)).statusCode());
        calls.add(() -> reader.request().delete(path(slug)).statusCode());
      }
    }
    for (Users.User reader : readers.subList(0, 5)) {
      calls.add(() -> reader.request().put(path(slug)).statusCode());
    }

    List<Integer> statuses = Concurrently.run(16, calls);

    assertThat(statuses).containsOnly(204);
    long rows = rows(slug);
    assertThat(rows).isBetween(0L, 12L);
    assertThat(likes(slug)).isEqualTo(rows);
  }

  @Test
  void theArticlePageShowsTheViewerOnlyToSignedInReaders() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    reader.request().put(path(slug)).then().statusCode(204);

    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
        .body("viewer", nullValue())
        .body("stats.likes", equalTo(1));
    assertThat(given().get("/api/v1/articles/" + slug).jsonPath().getMap(""))
        .doesNotContainKey("viewer");
    reader
        .request()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, no-cache")
        .header("Vary", "Authorization, Accept-Encoding, Origin")
        .body("viewer.liked", equalTo(true))
        .body("viewer.rating", nullValue())
        .body("viewer.followingAuthor", equalTo(false))
        .body("stats.likes", equalTo(1));
  }

  private List<Users.User> readers(int count) throws Exception {
    List<Callable<Users.User>> signUps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signUps.add(users::reader);
    }
    return Concurrently.run(4, signUps);
  }

  private static String path(String slug) {
    return "/api/v1/articles/" + slug + "/like";
  }

  private static int likes(String slug) {
    return given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .extract()
        .path("stats.likes");
  }

  private long rows(String slug) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "select count(*) from likes l join articles a on a.id ="
                                    + " l.article_id where a.slug = :slug")
                            .setParameter("slug", slug)
                            .getSingleResult())
                    .longValue());
  }
}
