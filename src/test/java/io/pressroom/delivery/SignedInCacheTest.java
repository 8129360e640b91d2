package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.account.Account;
import io.pressroom.account.Role;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signed-in readers are served the answers kept for anonymous ones, once their token is verified
 * and their account and session checked; only the article page differs, by the reader's own state.
 */
@QuarkusTest
class SignedInCacheTest {

  private static final String PRIVATE = "private, no-cache";
  private static final String VARY = "Authorization, Accept-Encoding, Origin";

  @Inject Fixtures fixtures;
  @Inject Users users;
  @Inject SqlStatements statements;
  @Inject EntityManager entityManager;
  @Inject ResponseCache cache;

  @Test
  void aSignedInTagPageIsTheKeptAnonymousAnswerMarkedPrivate() {
    String tag = fixtures.tag();
    fixtures.article(fixtures.author()).tags(tag).create();
    fixtures.article(fixtures.author()).tags(tag).create();
    String page = "/api/v1/tags/" + tag + "/articles?limit=1";
    given().get(page).then().statusCode(200).header("X-Cache", "miss");
    Response anonymous = given().get(page);
    anonymous.then().header("X-Cache", "hit");
    Users.User reader = users.reader();

    long sql =
        statements.countDuring(
            () -> {
              Response signedIn = reader.request().get(page);
              signedIn
                  .then()
                  .statusCode(200)
                  .header("X-Cache", "hit")
                  .header("Cache-Control", PRIVATE)
                  .header("Vary", VARY)
                  .header("ETag", anonymous.header("ETag"))
                  .header("Link", anonymous.header("Link"))
                  .header("xkey", nullValue())
                  .header("Surrogate-Control", nullValue());
              assertThat(signedIn.asByteArray()).isEqualTo(anonymous.asByteArray());
            });
    // Only the check that the account and its session still stand, and then not even that.
    assertThat(sql).isEqualTo(1);
    assertThat(statements.countDuring(() -> reader.request().get(page).then().statusCode(200)))
        .isZero();
    reader
        .request()
        .header("If-None-Match", anonymous.header("ETag"))
        .get(page)
        .then()
        .statusCode(304)
        .header("Cache-Control", PRIVATE);
  }

  /**
   * With rate limits on (as here) a signed-in hit waits for the account's allowance, which may have
   * to be asked of the shared store, on a worker thread ({@link SignedInCacheWithoutRateLimitsTest}
   * has them off).
   */
  @Test
  void withRateLimitsOnASignedInHitIsCountedAgainstTheAccountOnAWorkerThread() {
    String tag = fixtures.tag();
    String slug = fixtures.article(fixtures.author()).tags(tag).create();
    Users.User reader = users.reader();
    for (String path :
        new String[] {"/api/v1/articles/" + slug, "/api/v1/tags/" + tag + "/articles"}) {
      given().get(path).then().statusCode(200);
      reader.request().get(path).then().statusCode(200);
      double before = ResponseCacheCounters.WORKER_HITS.count();
      String remaining =
          reader
              .request()
              .get(path)
              .then()
              .statusCode(200)
              .header("X-Cache", "hit")
              .header("RateLimit-Limit", "1000000")
              .extract()
              .header("RateLimit-Remaining");
      assertThat(Long.parseLong(remaining)).isLessThan(1000000);
      assertThat(ResponseCacheCounters.WORKER_HITS.count()).isEqualTo(before + 1);
    }
  }

  @Test
  void aSignedInListingIsTheKeptAnonymousAnswer() {
    String tag = fixtures.tag();
    fixtures.article(fixtures.author()).tags(tag).create();
    String page = "/api/v1/articles?tag=" + tag;
    given().get(page).then().statusCode(200);
    Response anonymous = given().get(page);
    Response signedIn = users.reader().request().get(page);
    signedIn.then().statusCode(200).header("X-Cache", "hit").header("Cache-Control", PRIVATE);
    assertThat(signedIn.asByteArray()).isEqualTo(anonymous.asByteArray());
  }

  @Test
  void aSignedInArticlePageIsTheKeptPageWithTheReadersOwnState() {
    Account author = fixtures.author();
    String slug = fixtures.article(author).create();
    String page = "/api/v1/articles/" + slug;
    Users.User reader = users.reader();
    // Built for the reader while nothing is kept: the reference.
    Response built = reader.request().get(page);
    built.then().statusCode(200).header("X-Cache", "miss");
    Response anonymous = given().get(page);
    anonymous.then().header("X-Cache", "hit");

    long sql =
        statements.countDuring(
            () -> {
              Response kept = reader.request().get(page);
              kept.then()
                  .statusCode(200)
                  .header("X-Cache", "hit")
                  .header("Cache-Control", PRIVATE)
                  .header("Vary", VARY)
                  .header("Content-Type", built.header("Content-Type"))
                  .header("ETag", built.header("ETag"))
                  .header("xkey", nullValue())
                  .header("Surrogate-Control", nullValue());
              assertThat(kept.asString()).isEqualTo(built.asString());
            });
    // The reader's own state; the account and session check is remembered.
    assertThat(sql).isEqualTo(1);
    String expected =
        withoutClosingBrace(anonymous)
            + ",\"viewer\":{\"liked\":false,\"rating\":null,\"followingAuthor\":false}}";
    assertThat(built.asString()).isEqualTo(expected);
  }

  @Test
  void aSignedInMissKeepsTheAnonymousAnswerForEveryone() {
    String tag = fixtures.tag();
    String slug = fixtures.article(fixtures.author()).tags(tag).create();
    String article = "/api/v1/articles/" + slug;
    String tagPage = "/api/v1/tags/" + tag + "/articles";
    String listing = "/api/v1/articles?tag=" + tag;
    Users.User reader = users.reader();
    for (String path : new String[] {article, tagPage, listing}) {
      reader.request().get(path).then().statusCode(200).header("X-Cache", "miss");
    }
    Map<String, Response> kept = new HashMap<>();
    for (String path : new String[] {article, tagPage, listing}) {
      Response hit = given().get(path);
      hit.then().statusCode(200).header("X-Cache", "hit").header("Vary", VARY);
      kept.put(path, hit);
    }

    // What an anonymous client builds itself is exactly what the reader's misses kept.
    cache.apply(Invalidation.listings("", null));
    for (String path : new String[] {article, tagPage, listing}) {
      Response built = given().get(path);
      built.then().statusCode(200).header("X-Cache", "miss");
      Response hit = kept.get(path);
      assertThat(hit.asByteArray()).as(path).isEqualTo(built.asByteArray());
      for (String header : new String[] {"ETag", "Cache-Control", "Content-Type", "Link"}) {
        assertThat(hit.header(header)).as(path + " " + header).isEqualTo(built.header(header));
      }
    }
    assertThat(kept.get(article).header("Cache-Control")).startsWith("public");
    assertThat(kept.get(article).asString()).doesNotContain("viewer");
  }

  @Test
  void anAggregatorsMissIsKeptWithTheAnonymousHeaders() {
    String tag = fixtures.tag();
    String slug = fixtures.article(fixtures.author()).tags(tag).create();
    String key =
        users
            .admin()
            .json()
            .body(Map.of("name", Fixtures.unique("Aggregator")))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("key");
    for (String path :
        new String[] {"/api/v1/tags/" + tag + "/articles", "/api/v1/articles/" + slug}) {
      given()
          .header("X-Api-Key", key)
          .get(path)
          .then()
          .statusCode(200)
          .header("X-Cache", "miss")
          .header("Cache-Control", PRIVATE);
      given()
          .get(path)
          .then()
          .statusCode(200)
          .header("X-Cache", "hit")
          .header("Cache-Control", org.hamcrest.Matchers.startsWith("public"));
    }
  }

  @Test
  void whatOnlyASignedInReaderMaySeeIsNeverKept() {
    Users.User editor = users.editor();
    String slug = fixtures.article(fixtures.author()).create();
    fixtures.markDraft(slug);
    String draft = "/api/v1/articles/" + slug;
    String drafts = "/api/v1/articles?status=draft";
    editor.request().get(draft).then().statusCode(200).body("status", equalTo("draft"));
    editor.request().get(drafts).then().statusCode(200).header("X-Cache", nullValue());
    given().get(draft).then().statusCode(404);
    given().get(drafts).then().statusCode(401);
    // Searches are never kept (the search index follows writes a moment after this cache).
    String search = "/api/v1/articles?q=body";
    editor.request().get(search).then().statusCode(200).header("X-Cache", nullValue());
    given().get(search).then().statusCode(200).header("X-Cache", nullValue());
    // With options the article page is built for the reader alone.
    String published = "/api/v1/articles/" + fixtures.article(fixtures.author()).create();
    editor.request().get(published + "?fields=title").then().statusCode(200);
    given().get(published + "?fields=title").then().header("X-Cache", "miss");
  }

  @Test
  void theViewerShowsWhatTheReaderJustDidAndA304NeverHidesIt() {
    Account author = fixtures.author();
    String slug = fixtures.article(author).create();
    String page = "/api/v1/articles/" + slug;
    Users.User reader = users.reader();
    given().get(page).then().statusCode(200);
    String before =
        reader.request().get(page).then().header("X-Cache", "hit").extract().header("ETag");

    reader.request().put(page + "/like").then().statusCode(204);
    reader.json().body(Map.of("score", 4)).put(page + "/rating").then().statusCode(204);
    given().get(page).then().statusCode(200);
    Response after = reader.request().header("If-None-Match", before).get(page);
    after
        .then()
        .statusCode(200)
        .header("X-Cache", "hit")
        .body("viewer.liked", equalTo(true))
        .body("viewer.rating", equalTo(4))
        .body("viewer.followingAuthor", equalTo(false));
    assertThat(after.header("ETag")).isNotEqualTo(before);
    reader
        .request()
        .header("If-None-Match", after.header("ETag"))
        .get(page)
        .then()
        .statusCode(304)
        .header("Cache-Control", PRIVATE);

    // Kept: the reader's state costs nothing until it changes.
    assertThat(statements.countDuring(() -> reader.request().get(page).then().statusCode(200)))
        .isZero();
    reader.request().delete(page + "/like").then().statusCode(204);
    reader.request().get(page).then().body("viewer.liked", equalTo(false));
    reader.request().get(page).then().header("X-Cache", "hit").body("viewer.liked", equalTo(false));

    // Another instance's follow, with the message it sends in the same transaction.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              entityManager
                  .createNativeQuery(
                      "insert into follows (follower_id, author_id, created_at)"
                          + " values (:me, :author, now())")
                  .setParameter("me", reader.id())
                  .setParameter("author", author.id())
                  .executeUpdate();
              entityManager
                  .createNativeQuery(
                      "select cast(pg_notify('pressroom_invalidation', 'v1 other authors') as text)")
                  .getSingleResult();
            });
    Eventually.within(
        Duration.ofSeconds(1),
        () -> reader.request().get(page),
        r -> Boolean.TRUE.equals(r.path("viewer.followingAuthor")));
  }

  @Test
  void theReadersKeptStateFollowsALikeMadeOnAnotherInstance() {
    String slug = fixtures.article(fixtures.author()).create();
    String page = "/api/v1/articles/" + slug;
    Users.User reader = users.reader();
    reader.request().get(page).then().statusCode(200);
    reader.request().get(page).then().header("X-Cache", "hit").body("viewer.liked", equalTo(false));

    // As another instance's like: the row, then its message after the commit (FeedbackAnnouncer).
    long article =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Number id =
                      (Number)
                          entityManager
                              .createNativeQuery("select id from articles where slug = :slug")
                              .setParameter("slug", slug)
                              .getSingleResult();
                  entityManager
                      .createNativeQuery(
                          "insert into likes (article_id, account_id) values (:article, :me)")
                      .setParameter("article", id.longValue())
                      .setParameter("me", reader.id())
                      .executeUpdate();
                  return id.longValue();
                });
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "select cast(pg_notify('pressroom_invalidation', :payload) as text)")
                    .setParameter("payload", "v1 other article " + article)
                    .getSingleResult());

    Eventually.within(
        Duration.ofSeconds(1),
        () -> reader.request().get(page),
        r -> Boolean.TRUE.equals(r.path("viewer.liked")));
  }

  @Test
  void theReadersKeptStateIsReadAgainSoonWhenTheOtherInstanceDiedBeforeAnnouncingALike() {
    String slug = fixtures.article(fixtures.author()).create();
    String page = "/api/v1/articles/" + slug;
    Users.User reader = users.reader();
    reader.request().get(page).then().statusCode(200);
    reader.request().get(page).then().header("X-Cache", "hit").body("viewer.liked", equalTo(false));

    // Another instance's like whose message never comes: that instance died inside its window.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "insert into likes (article_id, account_id)"
                            + " select id, :me from articles where slug = :slug")
                    .setParameter("me", reader.id())
                    .setParameter("slug", slug)
                    .executeUpdate());

    // Within the viewer state's own short life (2 s in tests as by default), not the page's 60 s.
    Eventually.within(
        Duration.ofSeconds(4),
        () -> reader.request().get(page),
        r -> Boolean.TRUE.equals(r.path("viewer.liked")));
  }

  @Test
  void tokensThatNoLongerStandAreRefusedOnKeptAnswers() {
    String tag = fixtures.tag();
    String slug = fixtures.article(fixtures.author()).tags(tag).create();
    String article = "/api/v1/articles/" + slug;
    String tagPage = "/api/v1/tags/" + tag + "/articles";
    given().get(article).then().statusCode(200);
    given().get(tagPage).then().statusCode(200);

    Users.User loggedOut = users.reader();
    refusedOn(loggedOut, article, tagPage, "/api/v1/articles/" + slug + "?nothing", false);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", loggedOut.refreshToken()))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    refusedOn(loggedOut, article, tagPage, null, true);

    Users.User disabled = users.reader();
    refusedOn(disabled, article, tagPage, null, false);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("update accounts set disabled = true where id = :id")
                    .setParameter("id", disabled.id())
                    .executeUpdate());
    // A write outside the application reaches the remembered checks through V14's message.
    Eventually.within(
        Duration.ofSeconds(1),
        () -> disabled.request().get(tagPage).statusCode(),
        status -> status == 401);
    refusedOn(disabled, article, tagPage, null, true);

    for (String token : new String[] {"nonsense", forged(users.reader().accessToken())}) {
      for (String path : new String[] {article, tagPage}) {
        given()
            .header("Authorization", "Bearer " + token)
            .get(path)
            .then()
            .statusCode(401)
            .contentType("application/problem+json")
            .header("X-Cache", nullValue());
      }
    }
  }

  @Test
  void aDemotedEditorNoLongerListsDraftsAndDraftsAreNeverShared() {
    Users.User editor = users.editor();
    String draft = "/api/v1/articles?status=draft";
    given().get(draft).then().statusCode(401);
    editor.request().get(draft).then().statusCode(200).header("X-Cache", nullValue());
    users.setRole(editor.handle(), Role.READER);
    editor.request().get(draft).then().statusCode(403);
  }

  @Test
  void authorsAnswersAreTheKeptOnesWithWhetherTheReaderFollowsEach() {
    Account followed = fixtures.author();
    Account other = fixtures.author();
    Users.User reader = users.reader();
    reader.request().put("/api/v1/authors/" + followed.handle() + "/follow").then().statusCode(204);
    for (String path :
        new String[] {
          "/api/v1/authors/" + followed.handle(),
          "/api/v1/authors/" + other.handle(),
          "/api/v1/authors?sort=-followers&limit=100"
        }) {
      // Built for the reader while nothing is kept: the reference, whose public part is kept.
      Response built = reader.request().get(path);
      built.then().statusCode(200).header("X-Cache", "miss").header("Cache-Control", PRIVATE);
      Response anonymous = given().get(path);
      anonymous
          .then()
          .header("X-Cache", "hit")
          .header("Cache-Control", org.hamcrest.Matchers.startsWith("public"));
      assertThat(anonymous.asString()).as(path).doesNotContain("viewer");
      reader.request().get(path).then().statusCode(200);

      long sql =
          statements.countDuring(
              () -> {
                Response kept = reader.request().get(path);
                kept.then()
                    .statusCode(200)
                    .header("X-Cache", "hit")
                    .header("Cache-Control", PRIVATE)
                    .header("Vary", VARY)
                    .header("ETag", built.header("ETag"))
                    .header("xkey", nullValue());
                assertThat(kept.header("Link")).as(path).isEqualTo(built.header("Link"));
                assertThat(kept.asByteArray()).as(path).isEqualTo(built.asByteArray());
              });
      // Whether the reader follows the authors shown, by key.
      assertThat(sql).as(path).isEqualTo(1);
      reader
          .request()
          .header("If-None-Match", built.header("ETag"))
          .get(path)
          .then()
          .statusCode(304)
          .header("Cache-Control", PRIVATE);

      // What the reader's miss kept is exactly what an anonymous client builds itself.
      cache.apply(Invalidation.authors(""));
      Response fresh = given().get(path);
      fresh.then().header("X-Cache", "miss");
      assertThat(anonymous.asByteArray()).as(path).isEqualTo(fresh.asByteArray());
      assertThat(anonymous.header("ETag")).as(path).isEqualTo(fresh.header("ETag"));
      cache.apply(Invalidation.authors(""));
    }
    reader
        .request()
        .get("/api/v1/authors/" + followed.handle())
        .then()
        .body("viewer.following", equalTo(true));
    reader
        .request()
        .get("/api/v1/authors/" + other.handle())
        .then()
        .body("viewer.following", equalTo(false));
    reader.request().get("/api/v1/authors?sort=-followers&limit=100");
    Response page = reader.request().get("/api/v1/authors?sort=-followers&limit=100");
    page.then().header("X-Cache", "hit");
    List<String> shown = page.jsonPath().getList("items.handle", String.class);
    assertThat(page.jsonPath().getList("items.findAll { it.viewer.following }.handle"))
        .isEqualTo(shown.contains(followed.handle()) ? List.of(followed.handle()) : List.of());
    assertThat(page.jsonPath().getList("items.viewer")).hasSize(shown.size()).doesNotContainNull();

    // Unfollowing drops the kept answers; the reader sees it at once.
    reader
        .request()
        .delete("/api/v1/authors/" + followed.handle() + "/follow")
        .then()
        .statusCode(204);
    for (int i = 0; i < 2; i++) {
      reader
          .request()
          .get("/api/v1/authors/" + followed.handle())
          .then()
          .header("X-Cache", i == 0 ? "miss" : "hit")
          .body("viewer.following", equalTo(false));
    }
    // A trimmed answer is built for the reader alone.
    String trimmed = "/api/v1/authors/" + other.handle() + "?fields=handle";
    given().get(trimmed).then().statusCode(200);
    reader.request().get(trimmed).then().statusCode(200).header("X-Cache", nullValue());
  }

  private static void refusedOn(
      Users.User user, String article, String tagPage, String uncached, boolean refused) {
    int status = refused ? 401 : 200;
    for (String path : new String[] {article, tagPage}) {
      user.request().get(path).then().statusCode(status);
    }
    if (uncached != null) {
      user.request().get(uncached).then().statusCode(status);
    }
  }

  /** The token with one character of its signature changed. */
  private static String forged(String token) {
    int at = token.length() - 10;
    char changed = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + changed + token.substring(at + 1);
  }

  private static String withoutClosingBrace(Response response) {
    String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
    return body.substring(0, body.length() - 1);
  }
}
