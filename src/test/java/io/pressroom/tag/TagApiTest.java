package io.pressroom.tag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TagApiTest {

  @Inject Fixtures fixtures;

  @Test
  void readsATagWithItsPublicArticleCount() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    fixtures.article(author).tags(tag).create();
    fixtures.article(author).tags(tag).create();
    String draft = fixtures.article(author).tags(tag).create();
    fixtures.markDraft(draft);
    String deleted = fixtures.article(author).tags(tag).create();
    fixtures.markDeleted(deleted);
    fixtures.article(author).tags(tag).publishedAt(Instant.now().plusSeconds(3600)).create();

    Response response =
        given()
            .get("/api/v1/tags/" + tag)
            .then()
            .statusCode(200)
            .header("ETag", org.hamcrest.Matchers.notNullValue())
            .body("slug", equalTo(tag))
            .body("name", equalTo(tag))
            .body("articles", equalTo(2))
            .extract()
            .response();
    assertThat(response.jsonPath().getMap("").keySet())
        .containsExactlyInAnyOrder("slug", "name", "description", "articles");
  }

  @Test
  void listsTagsByNameOrByUse() {
    Account author = fixtures.author();
    String busy = fixtures.tag();
    fixtures.tag();
    for (int i = 0; i < 3; i++) {
      fixtures.article(author).tags(busy).create();
    }

    given()
        .queryParam("sort", "-articles")
        .queryParam("limit", 100)
        .get("/api/v1/tags")
        .then()
        .statusCode(200)
        .body("items.slug", hasItem(busy));
    List<String> names = new ArrayList<>();
    List<Integer> totals = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/api/v1/tags").then().statusCode(200).extract().response();
      names.addAll(page.jsonPath().getList("items.name", String.class));
      totals.add(page.jsonPath().getInt("page.total"));
      cursor = page.jsonPath().getString("page.next");
      pages++;
    } while (cursor != null && pages < 500);
    assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).doesNotHaveDuplicates();
    assertThat(names).contains(busy);
    assertThat(totals).containsOnly(names.size());
  }

  @Test
  void aPagePastTheEndStillCountsEveryTag() {
    fixtures.tag();
    int total = given().queryParam("limit", 1).get("/api/v1/tags").jsonPath().getInt("page.total");
    assertThat(total).isPositive();

    given()
        .queryParam("limit", 1)
        .queryParam("page", total + 1)
        .get("/api/v1/tags")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.empty())
        .body("page.total", equalTo(total))
        .body("page.next", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void countsOrderTheUsedTagsFirst() {
    Account author = fixtures.author();
    String popular = fixtures.tag();
    String quiet = fixtures.tag();
    fixtures.article(author).tags(popular, quiet).create();
    fixtures.article(author).tags(popular).create();
    Response response =
        given()
            .queryParam("sort", "-articles")
            .queryParam("limit", 100)
            .get("/api/v1/tags")
            .then()
            .statusCode(200)
            .extract()
            .response();
    List<Map<String, Object>> items = response.jsonPath().getList("items");
    List<Integer> counts = items.stream().map(i -> (Integer) i.get("articles")).toList();
    assertThat(counts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
  }

  @Test
  void listsATagsArticlesWithTheArticleOptions() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String older =
        fixtures.article(author).tags(tag).publishedAt(Instant.now().minusSeconds(90)).create();
    String newer =
        fixtures.article(author).tags(tag).publishedAt(Instant.now().minusSeconds(30)).create();
    fixtures.article(author).create();

    given()
        .get("/api/v1/tags/" + tag + "/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(newer, older))
        .body("page.total", equalTo(2));
    given()
        .queryParam("sort", "publishedAt")
        .get("/api/v1/tags/" + tag + "/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(older, newer));
    given()
        .queryParam("limit", "0")
        .get("/api/v1/tags/" + tag + "/articles")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
  }

  @Test
  void unknownTagIsNotFound() {
    given()
        .get("/api/v1/tags/no-such-tag")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("No tag has the slug 'no-such-tag'."));
    given()
        .get("/api/v1/tags/no-such-tag/articles")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void rejectsBadListParameters() {
    given()
        .queryParam("sort", "size")
        .get("/api/v1/tags")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("sort"));
    given()
        .queryParam("limit", "-1")
        .get("/api/v1/tags")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
    given()
        .queryParam("cursor", "bogus")
        .get("/api/v1/tags")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("cursor"));
  }
}
