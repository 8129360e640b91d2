package io.pressroom.author;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.pressroom.account.Account;
import io.pressroom.account.Role;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorApiTest {

  @Inject Fixtures fixtures;

  @Test
  void readsAnAuthorsProfileWithCounts() {
    Account author = fixtures.author();
    fixtures.article(author).create();
    String draft = fixtures.article(author).create();
    fixtures.markDraft(draft);

    Response response =
        given()
            .get("/api/v1/authors/" + author.handle())
            .then()
            .statusCode(200)
            .body("handle", equalTo(author.handle()))
            .body("name", equalTo("Name of " + author.handle()))
            .body("bio", equalTo("Bio of " + author.handle()))
            .body("followers", equalTo(0))
            .body("articles", equalTo(1))
            .extract()
            .response();
    assertThat(response.jsonPath().getMap("").keySet())
        .containsExactlyInAnyOrder(
            "handle", "name", "bio", "avatarUrl", "websiteUrl", "followers", "articles");
    assertThat(response.asString()).doesNotContain("@example.com");
  }

  @Test
  void readersHaveNoPublicProfile() {
    Account reader = fixtures.account(Role.READER);
    given()
        .get("/api/v1/authors/" + reader.handle())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .queryParam("limit", 100)
        .get("/api/v1/authors")
        .then()
        .statusCode(200)
        .body("items.handle", not(hasItem(reader.handle())));
  }

  @Test
  void listsAuthorsByNameThroughEveryPage() {
    Account author = fixtures.author();
    List<String> names = new ArrayList<>();
    List<Integer> totals = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("limit", 3);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/api/v1/authors").then().statusCode(200).extract().response();
      names.addAll(page.jsonPath().getList("items.handle", String.class));
      totals.add(page.jsonPath().getInt("page.total"));
      cursor = page.jsonPath().getString("page.next");
      pages++;
    } while (cursor != null && pages < 1000);
    assertThat(names).contains(author.handle()).doesNotHaveDuplicates();
    assertThat(totals).containsOnly(names.size());
  }

  @Test
  void aPagePastTheEndStillCountsEveryAuthor() {
    fixtures.author();
    int total =
        given().queryParam("limit", 1).get("/api/v1/authors").jsonPath().getInt("page.total");
    assertThat(total).isPositive();

    given()
        .queryParam("limit", 1)
        .queryParam("page", total + 1)
        .get("/api/v1/authors")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.empty())
        .body("page.total", equalTo(total))
        .body("page.next", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void directoryListingsCarryLinkHeadersAndAnswerConditionalRequests() {
    fixtures.author();
    fixtures.author();
    fixtures.tag();
    fixtures.tag();
    for (String path : List.of("/api/v1/authors", "/api/v1/tags")) {
      Response first =
          given().queryParam("limit", 1).get(path).then().statusCode(200).extract().response();
      String next = first.jsonPath().getString("page.next");
      assertThat(first.getHeader("Link"))
          .as(path)
          .contains("cursor=" + next)
          .endsWith(">; rel=\"next\"");
      given()
          .queryParam("limit", 1)
          .header("If-None-Match", first.getHeader("ETag"))
          .get(path)
          .then()
          .statusCode(304);
    }
  }

  @Test
  void sortsByArticles() {
    Account prolific = fixtures.author();
    for (int i = 0; i < 30; i++) {
      fixtures.article(prolific).create();
    }
    given()
        .queryParam("sort", "-articles")
        .queryParam("limit", 1)
        .get("/api/v1/authors")
        .then()
        .statusCode(200)
        .body("items[0].handle", equalTo(prolific.handle()))
        .body("items[0].articles", equalTo(30));
  }

  @Test
  void unknownHandleAndBadParametersAreProblems() {
    given()
        .get("/api/v1/authors/nobody-at-all")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("No author has the handle 'nobody-at-all'."));
    given()
        .queryParam("sort", "age")
        .get("/api/v1/authors")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("sort"));
    given()
        .queryParam("limit", "many")
        .get("/api/v1/authors")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
  }
}
