package io.pressroom.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.pressroom.account.Account;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SuggestionApiTest {

  @Inject Fixtures fixtures;

  @Test
  void suggestsTagsAuthorsAndTitlesThatBeginAsTyped() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String slug = fixtures.article(author).tags(tag).title("Zephyrine " + tag + " notes").create();

    JsonPath byTag =
        given()
            .queryParam("q", tag.substring(0, tag.length() - 1))
            .get("/api/v1/suggestions")
            .then()
            .statusCode(200)
            .header("Cache-Control", startsWith("public, max-age=60"))
            .extract()
            .jsonPath();
    assertThat(byTag.getMap("$").keySet())
        .containsExactlyInAnyOrder("query", "tags", "authors", "articles");
    assertThat(byTag.getList("tags", Map.class)).contains(Map.of("slug", tag, "name", tag));

    JsonPath byAuthor =
        given().queryParam("q", author.handle()).get("/api/v1/suggestions").jsonPath();
    assertThat(byAuthor.getList("authors.handle")).contains(author.handle());

    Eventually.within(
        Duration.ofSeconds(10),
        () ->
            given()
                .queryParam("q", "zephyrine " + tag.substring(0, 4))
                .get("/api/v1/suggestions")
                .jsonPath(),
        page -> page.getList("articles.slug").contains(slug));
  }

  @Test
  void aTitleWordTypedPastTheStemTheIndexKeepsIsStillSuggested() {
    Account author = fixtures.author();
    // The index keeps "zor…ality" as "zor…al" (SearchApiTest checks such a word's stem): what is
    // typed below goes past the stem of the title's word.
    StringBuilder letters = new StringBuilder("zor");
    new SecureRandom().ints(8, 0, 17).forEach(i -> letters.append("bcdfghjkmnpqrtvwz".charAt(i)));
    String whole = letters + "ality";
    String slug = fixtures.article(author).title("Notes on " + whole).create();
    String typed = whole.substring(0, whole.length() - 1);

    Eventually.within(
        Duration.ofSeconds(10),
        () -> given().queryParam("q", typed).get("/api/v1/suggestions").jsonPath(),
        page -> page.getList("articles.slug").contains(slug));
  }

  @Test
  void aTagWhoseOnlyArticleIsScheduledIsNotSuggestedBeforeItsInstant() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    fixtures.article(author).tags(tag).publishedAt(Instant.now().plusSeconds(3600)).create();

    given()
        .queryParam("q", tag)
        .get("/api/v1/suggestions")
        .then()
        .statusCode(200)
        .body("tags.slug", not(hasItem(tag)));
  }

  @Test
  void badInputIsAProblem() {
    given().get("/api/v1/suggestions").then().statusCode(400).body("errors[0].field", equalTo("q"));
    // The same rule as the listings' q: trimmed, blank is absent.
    given()
        .queryParam("q", "   ")
        .get("/api/v1/suggestions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("q"));
    given()
        .queryParam("q", "x".repeat(101))
        .get("/api/v1/suggestions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .queryParam("q", "ru")
        .queryParam("limit", "0")
        .get("/api/v1/suggestions")
        .then()
        .statusCode(400);
    given()
        .queryParam("q", "ru")
        .queryParam("limit", "11")
        .get("/api/v1/suggestions")
        .then()
        .statusCode(400);
    given()
        .queryParam("q", "ru")
        .queryParam("limit", "ten")
        .get("/api/v1/suggestions")
        .then()
        .statusCode(400);
  }
}
