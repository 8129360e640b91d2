package io.pressroom.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.support.Concurrently;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RatingApiTest {

  @Inject Users users;
  @Inject Fixtures fixtures;
  @Inject EntityManager entityManager;

  @Test
  void ratingsAddUpToAnAverageAHistogramAndTheCallersOwnScore() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User first = users.reader();
    Users.User second = users.reader();
    Users.User third = users.reader();

    given()
        .get(path(slug))
        .then()
        .statusCode(200)
        .body("average", equalTo(0.0f))
        .body("count", equalTo(0))
        .body("histogram", equalTo(histogram(0, 0, 0, 0, 0)))
        .body("$", hasKey("mine"))
        .body("mine", nullValue());

    rate(first, slug, 5).then().statusCode(204).body(emptyString());
    rate(second, slug, 4).then().statusCode(204);
    rate(third, slug, 4).then().statusCode(204);

    given()
        .get(path(slug))
        .then()
        .statusCode(200)
        .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
        .body("average", equalTo(4.33f))
        .body("count", equalTo(3))
        .body("histogram", equalTo(histogram(0, 0, 0, 2, 1)))
        .body("$", hasKey("mine"))
        .body("mine", nullValue());
    first
        .request()
        .get(path(slug))
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, no-cache")
        .body("mine", equalTo(5));
    users
        .reader()
        .request()
        .get(path(slug))
        .then()
        .body("$", hasKey("mine"))
        .body("mine", nullValue());
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("stats.ratingCount", equalTo(3))
        .body("stats.ratingAverage", equalTo(4.33f));
    first.request().get("/api/v1/articles/" + slug).then().body("viewer.rating", equalTo(5));

    // A new score replaces the reader's earlier one; the same score again changes nothing.
    rate(first, slug, 1).then().statusCode(204);
    rate(first, slug, 1).then().statusCode(204);
    first
        .request()
        .get(path(slug))
        .then()
        .body("average", equalTo(3.0f))
        .body("count", equalTo(3))
        .body("histogram", equalTo(histogram(1, 0, 0, 2, 0)))
        .body("mine", equalTo(1));

    second.request().delete(path(slug)).then().statusCode(204).body(emptyString());
    second.request().delete(path(slug)).then().statusCode(204);
    second
        .request()
        .get(path(slug))
        .then()
        .body("average", equalTo(2.5f))
        .body("count", equalTo(2))
        .body("histogram", equalTo(histogram(1, 0, 0, 1, 0)))
        .body("mine", nullValue());
    second.request().get("/api/v1/articles/" + slug).then().body("viewer.rating", nullValue());
    assertThat(counters(slug)).containsExactly(2L, 5L);
  }

  @Test
  void scoresOtherThanWholeNumbersFromOneToFiveAreRefused() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    List<String> bodies =
        List.of(
            "{\"score\": 0}",
            "{\"score\": 6}",
            "{\"score\": -1}",
            "{\"score\": \"five\"}",
            "{\"score\": \"5\"}",
            "{\"score\": 2.5}",
            "{\"score\": 4.0}",
            "{\"score\": true}",
            "{\"score\": null}",
            "{\"score\": [5]}",
            "{\"score\": 99999999999999999999}",
            "{}");
    for (String body : bodies) {
      reader
          .json()
          .body(body)
          .put(path(slug))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/validation"))
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("score"));
    }
    reader
        .json()
        .body("{\"score\": 4, \"average\": 5}")
        .put(path(slug))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("average"));
    reader
        .json()
        .body("{\"score\": ")
        .put(path(slug))
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    reader
        .json()
        .body("[4]")
        .put(path(slug))
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    reader
        .request()
        .contentType(ContentType.TEXT)
        .body("4")
        .put(path(slug))
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    assertThat(counters(slug)).containsExactly(0L, 0L);
    rate(reader, slug, 1).then().statusCode(204);
    rate(reader, slug, 5).then().statusCode(204);
    assertThat(counters(slug)).containsExactly(1L, 5L);
  }

  @Test
  void ratingNeedsASignedInReaderAndAPublishedArticle() {
    String slug = fixtures.article(fixtures.author()).create();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("score", 4))
        .put(path(slug))
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given().delete(path(slug)).then().statusCode(401);
    rate(users.editor(), slug, 3).then().statusCode(204);
    rate(users.author(), slug, 4).then().statusCode(204);
    assertThat(counters(slug)).containsExactly(2L, 7L);

    Users.User reader = users.reader();
    String deleted = fixtures.article(fixtures.author()).create();
    fixtures.markDeleted(deleted);
    String draft = fixtures.article(fixtures.author()).create();
    fixtures.markDraft(draft);
    rate(reader, deleted, 4).then().statusCode(410).contentType("application/problem+json");
    rate(reader, draft, 4).then().statusCode(404).contentType("application/problem+json");
    rate(reader, "no-such-article-" + Fixtures.unique("x"), 4).then().statusCode(404);
    given().get(path(deleted)).then().statusCode(410);
    given().get(path(draft)).then().statusCode(404);
    reader.request().delete(path(deleted)).then().statusCode(410);
  }

  @Test
  void theRatingAnswerSupportsConditionalRequests() {
    String slug = fixtures.article(fixtures.author()).create();
    String etag = given().get(path(slug)).then().statusCode(200).extract().header("ETag");
    given().header("If-None-Match", etag).get(path(slug)).then().statusCode(304);
    rate(users.reader(), slug, 2).then().statusCode(204);
    given().header("If-None-Match", etag).get(path(slug)).then().statusCode(200);
  }

  @Test
  void twentyReadersRatingAtOnceAreCountedExactly() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    List<Users.User> readers = readers(20);
    List<Callable<Integer>> calls = new ArrayList<>();
    int expectedSum = 0;
    int[] perScore = new int[6];
    for (int i = 0; i < readers.size(); i++) {
      Users.User reader = readers.get(i);
      int score = i % 5 + 1;
      // Each reader first sends another score, then the final one, at the same time as the rest.
      int first = (i + 2) % 5 + 1;
      expectedSum += score;
      perScore[score]++;
      calls.add(
          () -> {
            rate(reader, slug, first).then().statusCode(204);
            return rate(reader, slug, score).statusCode();
          });
    }

    assertThat(Concurrently.run(20, calls)).containsOnly(204);

    assertThat(counters(slug)).containsExactly(20L, (long) expectedSum);
    JsonPath summary = given().get(path(slug)).then().statusCode(200).extract().jsonPath();
    assertThat(summary.getInt("count")).isEqualTo(20);
    assertThat(summary.getDouble("average")).isEqualTo(expectedSum / 20.0);
    for (int score = 1; score <= 5; score++) {
      assertThat(summary.getInt("histogram.'" + score + "'")).isEqualTo(perScore[score]);
    }
  }

  @Test
  void oneReaderChangingTheirRatingAtOnceKeepsTheCountersEqualToTheRows() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int score = i % 5 + 1;
      calls.add(
          i % 4 == 3
              ? () -> reader.request().delete(path(slug)).statusCode()
              : () -> rate(reader, slug, score).statusCode());
    }

    assertThat(Concurrently.run(16, calls)).containsOnly(204);

    List<Long> counters = counters(slug);
    List<Long> rows = rowTotals(slug);
    assertThat(counters).isEqualTo(rows);
    assertThat(rows.get(0)).isBetween(0L, 1L);
    assertThat(keptHistogram(slug)).as("the kept histogram").isEqualTo(rowHistogram(slug));
  }

  @Test
  void theHistogramIsKeptThroughNewChangedAndWithdrawnRatings() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    List<Users.User> readers = readers(3);
    rate(readers.get(0), slug, 5).then().statusCode(204);
    rate(readers.get(1), slug, 5).then().statusCode(204);
    rate(readers.get(2), slug, 2).then().statusCode(204);
    rate(readers.get(1), slug, 3).then().statusCode(204);
    readers.get(0).request().delete(path(slug)).then().statusCode(204);
    given()
        .get(path(slug))
        .then()
        .statusCode(200)
        .body("count", equalTo(2))
        .body("histogram", equalTo(histogram(0, 1, 1, 0, 0)));
    assertThat(keptHistogram(slug)).containsExactly(0L, 1L, 1L, 0L, 0L);
    assertThat(rowHistogram(slug)).containsExactly(0L, 1L, 1L, 0L, 0L);
  }

  private List<Users.User> readers(int count) throws Exception {
    List<Callable<Users.User>> signUps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signUps.add(users::reader);
    }
    return Concurrently.run(4, signUps);
  }

  private static io.restassured.response.Response rate(Users.User user, String slug, int score) {
    return user.json().body(Map.of("score", score)).put(path(slug));
  }

  private static String path(String slug) {
    return "/api/v1/articles/" + slug + "/rating";
  }

  private static Map<String, Integer> histogram(int... counts) {
    Map<String, Integer> histogram = new HashMap<>();
    for (int i = 0; i < counts.length; i++) {
      histogram.put(Integer.toString(i + 1), counts[i]);
    }
    return histogram;
  }

  /** The article's rating_count and rating_sum. */
  private List<Long> counters(String slug) {
    return longs(
        "select rating_count, rating_sum from article_counters where article_id = (select id from articles where slug = :slug)",
        slug);
  }

  /** The article's kept number of ratings of each score, 1 to 5 (V30). */
  private List<Long> keptHistogram(String slug) {
    return longs(
        "select rating_1, rating_2, rating_3, rating_4, rating_5 from article_counters where"
            + " article_id = (select id from articles where slug = :slug)",
        slug);
  }

  /** The number of the article's rating rows of each score, 1 to 5. */
  private List<Long> rowHistogram(String slug) {
    return longs(
        "select count(*) filter (where r.score = 1), count(*) filter (where r.score = 2), count(*)"
            + " filter (where r.score = 3), count(*) filter (where r.score = 4), count(*) filter"
            + " (where r.score = 5) from ratings r join articles a on a.id = r.article_id where"
            + " a.slug = :slug",
        slug);
  }

  /** The count and sum of the article's rating rows. */
  private List<Long> rowTotals(String slug) {
    return longs(
        "select count(*), coalesce(sum(r.score), 0) from ratings r join articles a on a.id ="
            + " r.article_id where a.slug = :slug",
        slug);
  }

  private List<Long> longs(String sql, String slug) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Object[] row =
                  (Object[])
                      entityManager
                          .createNativeQuery(sql)
                          .setParameter("slug", slug)
                          .getSingleResult();
              return Arrays.stream(row).map(value -> ((Number) value).longValue()).toList();
            });
  }
}
