package io.pressroom.tag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A tag keeps its own count of public articles and its own index of them (database triggers), so
 * these tests drive every way an article can enter or leave a tag through the API and check what
 * readers see: the tag's count, the listing's total and its items.
 */
@QuarkusTest
class TagCountsTest {

  @Inject Users users;

  @Test
  void countAndListingFollowPublishingRetaggingSchedulingAndDeletion() {
    Users.User author = users.author();
    Users.User editor = users.editor();
    String first = Fixtures.unique("first");
    String second = Fixtures.unique("second");
    String third = Fixtures.unique("third");
    String slug = draft(author, first, second);
    expect(first, List.of());

    editor.request().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
    expect(first, List.of(slug));
    expect(second, List.of(slug));

    String etag = author.request().get("/api/v1/articles/" + slug).then().extract().header("ETag");
    author
        .json()
        .header("If-Match", etag)
        .body(Map.of("tags", List.of(third, second)))
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);
    expect(first, List.of());
    expect(second, List.of(slug));
    expect(third, List.of(slug));

    editor
        .json()
        .body(Map.of("at", Instant.now().plusSeconds(3600).toString()))
        .post("/api/v1/articles/" + slug + "/publish")
        .then()
        .statusCode(200)
        .body("status", equalTo("scheduled"));
    expect(third, List.of());

    editor.request().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
    expect(third, List.of(slug));

    editor.request().post("/api/v1/articles/" + slug + "/unpublish").then().statusCode(200);
    expect(third, List.of());

    editor.request().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
    author.request().delete("/api/v1/articles/" + slug).then().statusCode(204);
    expect(second, List.of());
    expect(third, List.of());
  }

  @Test
  void listingOfOneTagIsNewestFirstAcrossPagesWithOtherFilters() {
    Users.User author = users.author();
    Users.User editor = users.editor();
    String tag = Fixtures.unique("paged");
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String slug = draft(author, tag);
      editor
          .json()
          .body(Map.of("at", Instant.now().minusSeconds(1000 - i).toString()))
          .post("/api/v1/articles/" + slug + "/publish")
          .then()
          .statusCode(200);
      newestFirst.add(0, slug);
    }

    String next =
        given()
            .queryParam("tag", tag)
            .queryParam("limit", 3)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .body("items.slug", contains(newestFirst.subList(0, 3).toArray()))
            .body("page.total", equalTo(5))
            .extract()
            .path("page.next");
    given()
        .queryParam("tag", tag)
        .queryParam("limit", 3)
        .queryParam("cursor", next)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(newestFirst.subList(3, 5).toArray()))
        .body("page.next", equalTo(null));
    List<String> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    given()
        .queryParam("tag", tag)
        .queryParam("sort", "publishedAt")
        .queryParam("author", author.handle())
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(oldestFirst.toArray()))
        .body("page.total", equalTo(5));
  }

  @Test
  void countStaysExactWhenEditorsPublishConcurrently() throws Exception {
    Users.User author = users.author();
    Users.User editor = users.editor();
    String left = Fixtures.unique("left");
    String right = Fixtures.unique("right");
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      slugs.add(i % 2 == 0 ? draft(author, left, right) : draft(author, right, left));
    }

    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Callable<Integer>> publications = new ArrayList<>();
      for (String slug : slugs) {
        publications.add(
            () ->
                editor
                    .request()
                    .post("/api/v1/articles/" + slug + "/publish")
                    .then()
                    .extract()
                    .statusCode());
      }
      for (Future<Integer> status : pool.invokeAll(publications)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }

    given().get("/api/v1/tags/" + left).then().body("articles", equalTo(12));
    given().get("/api/v1/tags/" + right).then().body("articles", equalTo(12));
    given()
        .queryParam("tag", right)
        .queryParam("limit", 100)
        .get("/api/v1/articles")
        .then()
        .body("page.total", equalTo(12))
        .body("items.size()", equalTo(12));
  }

  @Test
  void countsStayExactWhenPublishedArticlesAreRetaggedConcurrently() throws Exception {
    Users.User author = users.author();
    Users.User editor = users.editor();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      names.add(Fixtures.unique("moved"));
    }
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String slug = draft(author, names.get(i % 4));
      editor.request().post("/api/v1/articles/" + slug + "/publish").then().statusCode(200);
      slugs.add(slug);
    }

    // Each writer moves its article through tag lists in different orders, in several statements.
    List<List<String>> lists =
        List.of(
            List.of(names.get(2), names.get(0)),
            List.of(names.get(1), names.get(3), names.get(0)),
            List.of(names.get(3)),
            List.of(names.get(0), names.get(1), names.get(2), names.get(3)),
            List.of(names.get(2), names.get(1)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<List<String>>> writers = new ArrayList<>();
      for (int w = 0; w < slugs.size(); w++) {
        String slug = slugs.get(w);
        int first = w;
        writers.add(
            () -> {
              List<String> last = List.of();
              for (int round = 0; round < lists.size(); round++) {
                last = lists.get((first + round) % lists.size());
                author
                    .json()
                    .body(Map.of("tags", last))
                    .patch("/api/v1/articles/" + slug)
                    .then()
                    .statusCode(200);
              }
              return last;
            });
      }
      Map<String, Integer> expected = new HashMap<>();
      for (Future<List<String>> finalTags : pool.invokeAll(writers)) {
        finalTags.get().forEach(name -> expected.merge(name, 1, Integer::sum));
      }
      for (String name : names) {
        given()
            .get("/api/v1/tags/" + name.toLowerCase())
            .then()
            .statusCode(200)
            .body("articles", equalTo(expected.getOrDefault(name, 0)));
      }
    } finally {
      pool.shutdown();
    }
  }

  private static String draft(Users.User author, String... tags) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", Fixtures.unique("Counted"));
    body.put("summary", "What happened, briefly.");
    body.put("body", "Text.");
    body.put("tags", List.of(tags));
    return author
        .json()
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  /**
   * What readers see of the tag: its count, the listing's total, and the listing's items; with no
   * public article, nothing of this tag, which only authors' articles created (TagVisibility).
   */
  private static void expect(String tagName, List<String> slugs) {
    String tag = tagName.toLowerCase();
    if (slugs.isEmpty()) {
      given().get("/api/v1/tags/" + tag).then().statusCode(404);
      given().queryParam("tag", tag).get("/api/v1/articles").then().statusCode(400);
      return;
    }
    given()
        .get("/api/v1/tags/" + tag)
        .then()
        .statusCode(200)
        .body("articles", equalTo(slugs.size()));
    var listing =
        given()
            .queryParam("tag", tag)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .body("page.total", equalTo(slugs.size()));
    listing.body("items.slug", contains(slugs.toArray()));
  }
}
