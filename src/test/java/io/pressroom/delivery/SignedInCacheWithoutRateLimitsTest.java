package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.support.Fixtures;
import io.pressroom.support.SqlStatements;
import io.pressroom.support.Users;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With rate limits off, as the benchmark runs, a signed-in reader's kept answer does not wait for a
 * worker thread once their token's check and their own state are in memory: the operator sees it in
 * {@code pressroom_response_cache_worker_hits_total}, which such hits leave alone. What the reader
 * sees is the same as on the worker path ({@link SignedInCacheTest}, rate limits on).
 */
@QuarkusTest
@TestProfile(SignedInCacheWithoutRateLimitsTest.RateLimitsOff.class)
class SignedInCacheWithoutRateLimitsTest {

  public static class RateLimitsOff implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("pressroom.rate-limit.enabled", "false");
    }
  }

  private static final Pattern WORKER_HITS =
      Pattern.compile("(?m)^pressroom_response_cache_worker_hits_total(?:\\{[^}]*})? (\\S+)$");

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Inject Fixtures fixtures;
  @Inject Users users;
  @Inject SqlStatements statements;

  @Test
  void aSignedInReadersSecondReadIsAHitWithTheirOwnStateOffTheWorkerThreads() {
    String tag = fixtures.tag();
    String slug = fixtures.article(fixtures.author()).tags(tag).create();
    String article = "/api/v1/articles/" + slug;
    String tagPage = "/api/v1/tags/" + tag + "/articles";
    Users.User reader = users.reader();
    Response built = reader.request().get(article);
    built.then().statusCode(200).header("X-Cache", "miss");
    reader.request().get(tagPage).then().statusCode(200).header("X-Cache", "miss");
    Response anonymousTagPage = given().get(tagPage);
    // The reader's own state is read once on a worker thread, and kept.
    reader.request().get(article).then().statusCode(200).header("X-Cache", "hit");

    double workerHits = workerHits();
    long sql =
        statements.countDuring(
            () -> {
              for (int i = 0; i < 3; i++) {
                Response kept = reader.request().get(article);
                kept.then()
                    .statusCode(200)
                    .header("X-Cache", "hit")
                    .header("Cache-Control", "private, no-cache")
                    .header("ETag", built.header("ETag"))
                    .header("RateLimit-Remaining", nullValue());
                assertThat(kept.asString()).isEqualTo(built.asString());
                Response tagHit = reader.request().get(tagPage);
                tagHit.then().statusCode(200).header("X-Cache", "hit");
                assertThat(tagHit.asByteArray()).isEqualTo(anonymousTagPage.asByteArray());
              }
              reader
                  .request()
                  .header("If-None-Match", built.header("ETag"))
                  .get(article)
                  .then()
                  .statusCode(304)
                  .header("Cache-Control", "private, no-cache");
            });
    assertThat(sql).isZero();
    assertThat(workerHits()).isEqualTo(workerHits);
    assertThat(built.asString())
        .endsWith(",\"viewer\":{\"liked\":false,\"rating\":null,\"followingAuthor\":false}}");
  }

  @Test
  void afterALikeTheNextReadShowsItAndIsKeptAgain() {
    String page = "/api/v1/articles/" + fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    Users.User other = users.reader();
    reader.request().get(page).then().statusCode(200);
    reader.request().get(page).then().header("X-Cache", "hit").body("viewer.liked", equalTo(false));
    other.request().get(page).then().statusCode(200);
    other.request().get(page).then().header("X-Cache", "hit");

    reader.request().put(page + "/like").then().statusCode(204);
    reader
        .request()
        .get(page)
        .then()
        .statusCode(200)
        .body("viewer.liked", equalTo(true))
        .body("stats.likes", equalTo(1));
    reader.request().get(page).then().header("X-Cache", "hit");
    other.request().get(page).then().header("X-Cache", "hit");
    double workerHits = workerHits();
    reader.request().get(page).then().header("X-Cache", "hit").body("viewer.liked", equalTo(true));
    other.request().get(page).then().header("X-Cache", "hit").body("viewer.liked", equalTo(false));
    assertThat(workerHits()).isEqualTo(workerHits);

    reader.request().delete(page + "/like").then().statusCode(204);
    reader
        .request()
        .get(page)
        .then()
        .body("viewer.liked", equalTo(false))
        .body("stats.likes", equalTo(0));
  }

  @Test
  void tokensThatNoLongerStandAreRefusedAsElsewhere() {
    String tag = fixtures.tag();
    String slug = fixtures.article(fixtures.author()).tags(tag).create();
    String article = "/api/v1/articles/" + slug;
    String tagPage = "/api/v1/tags/" + tag + "/articles";
    // Not kept: always answered on a worker thread, the reference for the 401.
    String uncached = article + "?nothing";
    given().get(article).then().statusCode(200);
    given().get(tagPage).then().statusCode(200);

    Users.User loggedOut = users.reader();
    servedOffTheWorkers(loggedOut, article, tagPage);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", loggedOut.refreshToken()))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    refusedAsElsewhere(loggedOut.accessToken(), uncached, article, tagPage);

    Users.User disabled = users.reader();
    servedOffTheWorkers(disabled, article, tagPage);
    users
        .admin()
        .json()
        .body(Map.of("disabled", true))
        .patch("/api/v1/accounts/" + disabled.handle())
        .then()
        .statusCode(200);
    refusedAsElsewhere(disabled.accessToken(), uncached, article, tagPage);

    for (String token : new String[] {"nonsense", forged(users.reader().accessToken())}) {
      refusedAsElsewhere(token, uncached, article, tagPage);
    }
  }

  @Test
  void aDemotedEditorReadsKeptAnswersAsAReaderNow() {
    String tag = fixtures.tag();
    fixtures.article(fixtures.author()).tags(tag).create();
    String tagPage = "/api/v1/tags/" + tag + "/articles";
    String drafts = "/api/v1/articles?status=draft";
    given().get(tagPage).then().statusCode(200);
    Users.User editor = users.editor();
    editor.request().get(drafts).then().statusCode(200).header("X-Cache", nullValue());
    editor.request().get(tagPage).then().statusCode(200).header("X-Cache", "hit");

    users.setRole(editor.handle(), io.pressroom.account.Role.READER);
    editor.request().get(drafts).then().statusCode(403);
    double workerHits = workerHits();
    editor.request().get(tagPage).then().statusCode(200).header("X-Cache", "hit");
    assertThat(workerHits()).isEqualTo(workerHits);
  }

  /** Kept answers, once the check is remembered, without a worker thread. */
  private void servedOffTheWorkers(Users.User user, String article, String tagPage) {
    for (String path : new String[] {article, tagPage}) {
      user.request().get(path).then().statusCode(200);
    }
    double workerHits = workerHits();
    for (String path : new String[] {article, tagPage}) {
      user.request().get(path).then().statusCode(200).header("X-Cache", "hit");
    }
    assertThat(workerHits()).isEqualTo(workerHits);
  }

  /** Every read of a kept answer is the same 401 problem as a read that is never kept. */
  private static void refusedAsElsewhere(String token, String uncached, String... kept) {
    Response reference = given().header("Authorization", "Bearer " + token).get(uncached);
    reference.then().statusCode(401).contentType("application/problem+json");
    for (String path : kept) {
      // Kept again, should a write (disabling an author, say) have emptied the cache.
      given().get(path).then().statusCode(200);
    }
    // Twice: the first read of a check that was forgotten, and the next from memory.
    for (int i = 0; i < 2; i++) {
      for (String path : kept) {
        Response refused = given().header("Authorization", "Bearer " + token).get(path);
        refused.then().statusCode(401).header("X-Cache", nullValue());
        for (String header :
            new String[] {"Content-Type", "WWW-Authenticate", "Cache-Control", "Vary"}) {
          assertThat(refused.header(header))
              .as(path + " " + header)
              .isEqualTo(reference.header(header));
        }
        assertThat(refused.jsonPath().getMap("").keySet())
            .isEqualTo(reference.jsonPath().getMap("").keySet());
        for (String field : new String[] {"type", "title", "status", "detail"}) {
          assertThat(refused.jsonPath().getString(field))
              .as(path + " " + field)
              .isEqualTo(reference.jsonPath().getString(field));
        }
      }
    }
  }

  private double workerHits() {
    String body = given().get(metrics).then().statusCode(200).extract().asString();
    Matcher matcher = WORKER_HITS.matcher(body);
    assertThat(matcher.find()).as("pressroom_response_cache_worker_hits_total").isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  /** The token with one character of its signature changed. */
  private static String forged(String token) {
    int at = token.length() - 10;
    char changed = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + changed + token.substring(at + 1);
  }
}
