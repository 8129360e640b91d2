package io.pressroom.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The likes, ratings and follows of the demo content arrive with exact counters. */
@QuarkusTest
@TestProfile(DemoContentTest.WithDemoContent.class)
class DemoFeedbackTest {

  @Inject ObjectMapper mapper;

  @Test
  void demoLikesRatingsAndFollowsAreLoadedWithExactCounters() throws Exception {
    DemoContent content = content();
    assertThat(content.likesOrEmpty()).isNotEmpty();
    assertThat(content.ratingsOrEmpty()).isNotEmpty();
    assertThat(content.followsOrEmpty()).isNotEmpty();

    JsonPath articles =
        given()
            .queryParam("publishedBefore", "2026-11-24T00:00:00Z")
            .queryParam("limit", 100)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = articles.getList("items");
    Map<String, Map<String, Object>> byTitle = new HashMap<>();
    items.forEach(item -> byTitle.put((String) item.get("title"), item));
    for (DemoContent.DemoArticle article : content.articles()) {
      Map<String, Object> item = byTitle.get(article.title());
      assertThat(item).as(article.title()).isNotNull();
      @SuppressWarnings("unchecked")
      Map<String, Object> stats = (Map<String, Object>) item.get("stats");
      long likes =
          content.likesOrEmpty().stream().filter(l -> l.article().equals(article.title())).count();
      List<Integer> scores =
          content.ratingsOrEmpty().stream()
              .filter(r -> r.article().equals(article.title()))
              .map(DemoContent.DemoRating::score)
              .toList();
      assertThat(((Number) stats.get("likes")).longValue()).as(article.title()).isEqualTo(likes);
      assertThat(((Number) stats.get("ratingCount")).intValue())
          .as(article.title())
          .isEqualTo(scores.size());
      JsonPath rating =
          given()
              .get("/api/v1/articles/" + item.get("slug") + "/rating")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(rating.getInt("count")).isEqualTo(scores.size());
      for (int score = 1; score <= 5; score++) {
        int s = score;
        assertThat(rating.getLong("histogram.'" + score + "'"))
            .isEqualTo(scores.stream().filter(x -> x == s).count());
      }
    }

    Map<String, Long> followers = new HashMap<>();
    content.followsOrEmpty().forEach(f -> followers.merge(f.author(), 1L, Long::sum));
    followers.forEach(
        (handle, count) ->
            assertThat(
                    given()
                        .get("/api/v1/authors/" + handle)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("followers"))
                .as(handle)
                .isEqualTo(count));
  }

  private DemoContent content() throws Exception {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/content.json")) {
      return mapper
          .copy()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(in, DemoContent.class);
    }
  }
}
