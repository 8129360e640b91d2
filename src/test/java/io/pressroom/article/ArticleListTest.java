package io.pressroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.pressroom.account.Account;
import io.pressroom.support.ArticlePages;
import io.pressroom.support.Fixtures;
import io.pressroom.support.PublicUrls;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleListTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Inject Fixtures fixtures;

  @Test
  void listsPublishedArticlesNewestFirstWithTheSummaryShape() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String older = fixtures.article(author).tags(tag).publishedAt(NOW.minusSeconds(7200)).create();
    String newer = fixtures.article(author).tags(tag).publishedAt(NOW.minusSeconds(60)).create();

    Response response =
        given()
            .queryParam("tag", tag)
            .when()
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .header("ETag", containsString("\""))
            .body("items.slug", contains(newer, older))
            .body("page.limit", equalTo(20))
            .body("page.total", equalTo(2))
            .body("page.next", nullValue())
            .extract()
            .response();

    assertThat(response.getHeader("Link")).isNull();
    Map<String, Object> item = response.jsonPath().getMap("items[0]");
    assertThat(item.keySet())
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
            "stats");
    assertThat(response.jsonPath().getMap("items[0].author").keySet())
        .containsExactlyInAnyOrder("handle", "name", "avatarUrl");
    assertThat(response.jsonPath().getMap("items[0].stats"))
        .isEqualTo(Map.of("likes", 0, "comments", 0, "ratingAverage", 0.0f, "ratingCount", 0));
    assertThat(response.jsonPath().getString("items[0].publishedAt"))
        .isEqualTo(NOW.minusSeconds(60).toString());
    assertThat(response.jsonPath().getList("items[0].tags"))
        .isEqualTo(List.of(Map.of("slug", tag, "name", tag)));
    assertThat(response.jsonPath().getMap("page").keySet())
        .containsExactlyInAnyOrder("limit", "total", "next", "totalIsExact");
  }

  @Test
  void hidesDraftsScheduledAndDeletedArticles() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String visible = fixtures.article(author).tags(tag).create();
    String scheduled =
        fixtures.article(author).tags(tag).publishedAt(NOW.plusSeconds(86_400)).create();
    String draft = fixtures.article(author).tags(tag).create();
    fixtures.markDraft(draft);
    String deleted = fixtures.article(author).tags(tag).create();
    fixtures.markDeleted(deleted);

    given()
        .queryParam("tag", tag)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(visible))
        .body("page.total", equalTo(1));
    given()
        .queryParam("q", scheduled)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("page.total", equalTo(0));
  }

  @Test
  void filtersByAnyOfSeveralTags() {
    Account author = fixtures.author();
    String rust = fixtures.tag();
    String linux = fixtures.tag();
    String other = fixtures.tag();
    String a = fixtures.article(author).tags(rust).publishedAt(NOW.minusSeconds(30)).create();
    String b =
        fixtures.article(author).tags(linux, rust).publishedAt(NOW.minusSeconds(20)).create();
    fixtures.article(author).tags(other).publishedAt(NOW.minusSeconds(10)).create();

    given()
        .queryParam("tag", rust, linux)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(b, a))
        .body("page.total", equalTo(2));
    given()
        .queryParam("tag", rust + "," + linux)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(b, a));
  }

  @Test
  void pagesThroughSeveralTagsOnceEachInBothOrders() {
    Account author = fixtures.author();
    String rust = fixtures.tag();
    String linux = fixtures.tag();
    String python = fixtures.tag();
    // Newest first: an article of one tag, of both, of the other, and so on, two of them at the
    // same instant (ordered by id), and one of a third tag that is not asked for.
    List<String> newestFirst = new ArrayList<>();
    String[][] tagsOf = {
      {rust}, {rust, linux}, {linux}, {linux, rust}, {rust}, {linux}, {rust, linux}, {linux}
    };
    for (int i = 0; i < tagsOf.length; i++) {
      Instant at = NOW.minusSeconds(600 - (i == 5 ? 4 : i) * 10);
      newestFirst.add(0, fixtures.article(author).tags(tagsOf[i]).publishedAt(at).create());
    }
    fixtures.article(author).tags(python).publishedAt(NOW.minusSeconds(100)).create();

    for (String sort : List.of("-publishedAt", "publishedAt")) {
      List<String> expected = new ArrayList<>(newestFirst);
      if (sort.equals("publishedAt")) {
        Collections.reverse(expected);
      }
      List<String> seen =
          ArticlePages.allSlugs(
              query -> query.queryParam("tag", rust, linux).queryParam("sort", sort), 8);
      assertThat(seen).as("followed by cursors, " + sort).isEqualTo(expected);

      List<String> numbered = new ArrayList<>();
      for (int number = 1; number <= 3; number++) {
        numbered.addAll(
            given()
                .queryParam("tag", rust + "," + linux)
                .queryParam("sort", sort)
                .queryParam("limit", 3)
                .queryParam("page", number)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.slug", String.class));
      }
      assertThat(numbered).as("by page numbers, " + sort).isEqualTo(expected);
    }
  }

  @Test
  void filtersByAuthorAndDates() {
    Account author = fixtures.author();
    Account someoneElse = fixtures.author();
    String first = fixtures.article(author).publishedAt(NOW.minus(3, ChronoUnit.DAYS)).create();
    String second = fixtures.article(author).publishedAt(NOW.minus(2, ChronoUnit.DAYS)).create();
    String third = fixtures.article(author).publishedAt(NOW.minus(1, ChronoUnit.DAYS)).create();
    fixtures.article(someoneElse).create();

    given()
        .queryParam("author", author.handle())
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(third, second, first));
    given()
        .queryParam("author", author.handle())
        .queryParam("publishedAfter", NOW.minus(3, ChronoUnit.DAYS).toString())
        .queryParam("publishedBefore", NOW.minus(1, ChronoUnit.DAYS).toString())
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(second));
    given()
        .queryParam("author", author.handle())
        .queryParam("sort", "publishedAt")
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(first, second, third));
    given()
        .queryParam("author", author.handle())
        .queryParam("updatedSince", NOW.minus(2, ChronoUnit.DAYS).toString())
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(third, second));
  }

  /**
   * Tags and an author together keep the author's articles of any of the tags, each once, however
   * the statement reads them: from the author's articles while the tags have many more (their kept
   * counts claimed), each article checking its tags, and from the tags' rows when they do not.
   */
  @Test
  void filtersByTagsAndAuthorTogether() {
    Account author = fixtures.author();
    Account someoneElse = fixtures.author();
    String tagA = fixtures.tag();
    String tagB = fixtures.tag();
    String onlyA =
        fixtures.article(author).tags(tagA).publishedAt(NOW.minus(4, ChronoUnit.DAYS)).create();
    String both =
        fixtures
            .article(author)
            .tags(tagA, tagB)
            .publishedAt(NOW.minus(3, ChronoUnit.DAYS))
            .create();
    String onlyB =
        fixtures.article(author).tags(tagB).publishedAt(NOW.minus(2, ChronoUnit.DAYS)).create();
    fixtures.article(author).create();
    fixtures.article(someoneElse).tags(tagA).create();
    fixtures.article(someoneElse).tags(tagB).create();
    fixtures.article(someoneElse).tags(tagA, tagB).create();
    // Claimed first, then each tag's true count; the second round names the default order, so that
    // no answer comes from the response cache.
    for (int tagRows : List.of(1_000, 4)) {
      fixtures.setTagPublicCount(tagA, tagRows);
      fixtures.setTagPublicCount(tagB, tagRows);
      Map<String, String> order = tagRows == 4 ? Map.of("sort", "-publishedAt") : Map.of();
      byAuthorAndTags(order, Map.of(), author, tagA)
          .body("items.slug", contains(both, onlyA))
          .body("page.total", equalTo(2));
      byAuthorAndTags(order, Map.of("limit", 2), author, tagA, tagB)
          .body("items.slug", contains(onlyB, both))
          .body("page.total", equalTo(3));
      byAuthorAndTags(order, Map.of("limit", 2, "page", 2), author, tagA, tagB)
          .body("items.slug", contains(onlyA))
          .body("page.total", equalTo(3));
    }
  }

  /**
   * The listing of {@code author}'s articles of any of {@code tags}, with {@code order} and {@code
   * paging}.
   */
  private static ValidatableResponse byAuthorAndTags(
      Map<String, String> order, Map<String, Integer> paging, Account author, String... tags) {
    return given()
        .queryParams(order)
        .queryParams(paging)
        .queryParam("author", author.handle())
        .queryParam("tag", (Object[]) tags)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void searchesFullTextRankedByRelevance() {
    Account author = fixtures.author();
    String word = "zyxquark" + Fixtures.unique("w").substring(2, 8).replaceAll("[^a-z]", "q");
    String inBody =
        fixtures.article(author).body("Deep in the text: " + word + " appears once.").create();
    String inTitle =
        fixtures.article(author).title("About " + word + " " + Fixtures.unique("t")).create();
    String inSummary = fixtures.article(author).summary("Summary on " + word).create();
    fixtures.article(author).create();

    given()
        .queryParam("q", word)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(inTitle, inSummary, inBody))
        .body("page.total", equalTo(3));
    given()
        .queryParam("q", word)
        .queryParam("sort", "-publishedAt")
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("page.total", equalTo(3));
  }

  @Test
  void sortsByFeedbackCounters() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String liked = fixtures.article(author).tags(tag).create();
    String rated = fixtures.article(author).tags(tag).create();
    String discussed = fixtures.article(author).tags(tag).create();
    fixtures.setCounters(liked, 9, 0, 1, 2);
    fixtures.setCounters(rated, 1, 1, 3, 14);
    fixtures.setCounters(discussed, 2, 7, 0, 0);

    given()
        .queryParam("tag", tag)
        .queryParam("sort", "-likes")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(liked, discussed, rated));
    given()
        .queryParam("tag", tag)
        .queryParam("sort", "-rating")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(rated, liked, discussed))
        .body("items[0].stats.ratingAverage", equalTo(4.67f))
        .body("items[0].stats.ratingCount", equalTo(3));
    given()
        .queryParam("tag", tag)
        .queryParam("sort", "-comments")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(discussed, rated, liked));
  }

  @Test
  void cursorPagingWalksEveryItemOnceWithLinkHeaders() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // Equal timestamps in pairs make the id tie-break matter.
      expected.add(
          0,
          fixtures.article(author).tags(tag).publishedAt(NOW.minusSeconds(100 - i / 2)).create());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("tag", tag).queryParam("limit", 3);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response response =
          request
              .get("/api/v1/articles")
              .then()
              .statusCode(200)
              .body("page.total", equalTo(7))
              .body("page.limit", equalTo(3))
              .extract()
              .response();
      JsonPath json = response.jsonPath();
      seen.addAll(json.getList("items.slug", String.class));
      cursor = json.getString("page.next");
      if (cursor != null) {
        assertThat(response.getHeader("Link"))
            .startsWith("<" + PublicUrls.BASE + "/")
            .contains("/api/v1/articles?")
            .contains("cursor=" + cursor)
            .contains("limit=3")
            .endsWith(">; rel=\"next\"");
      } else {
        assertThat(response.getHeader("Link")).isNull();
      }
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(expected);

    String numbered =
        given()
            .queryParam("tag", tag)
            .queryParam("limit", 3)
            .queryParam("page", 1)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .header("Link");
    assertThat(numbered)
        .matches(
            "<http://api\\.pressroom\\.test/api/v1/articles\\?tag=[^&]+&limit=3&cursor=[^&>]+>; rel=\"next\"");
  }

  @Test
  void cursorStaysStableWhileNewArticlesArrive() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String b = fixtures.article(author).tags(tag).publishedAt(NOW.minusSeconds(50)).create();
    String a = fixtures.article(author).tags(tag).publishedAt(NOW.minusSeconds(40)).create();
    String next =
        given()
            .queryParam("tag", tag)
            .queryParam("limit", 1)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .body("items.slug", contains(a))
            .extract()
            .path("page.next");
    fixtures.article(author).tags(tag).publishedAt(NOW.minusSeconds(5)).create();

    given()
        .queryParam("tag", tag)
        .queryParam("limit", 1)
        .queryParam("cursor", next)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(b))
        .body("page.total", equalTo(3));
  }

  @Test
  void numberedPagesOffsetIntoTheList() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      newestFirst.add(
          0, fixtures.article(author).tags(tag).publishedAt(NOW.minusSeconds(50 - i)).create());
    }
    given()
        .queryParam("tag", tag)
        .queryParam("limit", 2)
        .queryParam("page", 2)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(newestFirst.get(2), newestFirst.get(3)))
        .body("page.total", equalTo(5));
    given()
        .queryParam("tag", tag)
        .queryParam("limit", 2)
        .queryParam("page", 3)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(newestFirst.get(4)))
        .body("page.next", nullValue());
  }

  @Test
  void rejectsBadParametersWithProblems() {
    assertBadParameter(Map.of("limit", "0"), "limit");
    assertBadParameter(Map.of("limit", "101"), "limit");
    assertBadParameter(Map.of("limit", "abc"), "limit");
    assertBadParameter(Map.of("sort", "popularity"), "sort");
    assertBadParameter(Map.of("sort", "relevance"), "sort");
    assertBadParameter(Map.of("page", "0"), "page");
    assertBadParameter(Map.of("page", "x"), "page");
    assertBadParameter(Map.of("page", "501", "limit", "20"), "page");
    assertBadParameter(Map.of("page", "2", "cursor", "abc.def"), "page");
    assertBadParameter(Map.of("cursor", "not-a-cursor"), "cursor");
    assertBadParameter(Map.of("publishedAfter", "yesterday"), "publishedAfter");
    assertBadParameter(Map.of("publishedBefore", "2026-13-45"), "publishedBefore");
    assertBadParameter(Map.of("updatedSince", "12"), "updatedSince");
    assertBadParameter(Map.of("q", "x".repeat(201)), "q");
    assertBadParameter(Map.of("tag", "no-such-tag-" + Fixtures.unique("t")), "tag");
    assertBadParameter(Map.of("author", "no-such-author-" + Fixtures.unique("a")), "author");
  }

  @Test
  void deepNumberedPageProblemPointsToTheCursor() {
    given()
        .queryParam("page", 101)
        .queryParam("limit", 100)
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("detail", containsString("cursor"));
    given()
        .queryParam("page", 100)
        .queryParam("limit", 100)
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void rejectsTamperedCursorsAndCursorsOfAnotherSort() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    fixtures.article(author).tags(tag).create();
    fixtures.article(author).tags(tag).create();
    String next =
        given()
            .queryParam("tag", tag)
            .queryParam("limit", 1)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .path("page.next");
    char first = next.charAt(0);
    String tampered = (first == 'A' ? 'B' : 'A') + next.substring(1);

    assertBadParameter(Map.of("tag", tag, "cursor", tampered), "cursor");
    assertBadParameter(Map.of("tag", tag, "cursor", next + "x"), "cursor");
    assertBadParameter(Map.of("tag", tag, "cursor", next, "sort", "-likes"), "cursor");
  }

  private static void assertBadParameter(Map<String, String> params, String field) {
    Response response =
        given()
            .queryParams(params)
            .when()
            .get("/api/v1/articles")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("type", equalTo("/problems/validation"))
            .body("title", equalTo("Invalid request"))
            .body("status", equalTo(400))
            .body("instance", equalTo("/api/v1/articles"))
            .body("errors.field", hasItem(field))
            .extract()
            .response();
    assertThat(response.jsonPath().getMap("").keySet())
        .as("problem fields for %s", params)
        .isEqualTo(Set.of("type", "title", "status", "detail", "instance", "errors"));
  }
}
