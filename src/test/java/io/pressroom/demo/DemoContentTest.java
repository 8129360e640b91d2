package io.pressroom.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DemoContentTest.WithDemoContent.class)
class DemoContentTest {

  public static class WithDemoContent implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("pressroom.demo-content", "true");
    }
  }

  @Inject DemoContentLoader loader;

  @Test
  void demoContentIsBrowsable() {
    given()
        .queryParam("author", "northwind-desk")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("page.total", greaterThanOrEqualTo(3));
    given()
        .queryParam("q", "rust linux kernel")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items[0].slug", equalTo("rust-is-no-longer-an-experiment-in-the-linux-kernel"));

    var article =
        given()
            .get("/api/v1/articles/rust-is-no-longer-an-experiment-in-the-linux-kernel")
            .then()
            .statusCode(200)
            .body("author.handle", equalTo("northwind-desk"))
            .body("source.available", equalTo(true))
            .body("republication.notice", not(emptyOrNullString()))
            .extract()
            .jsonPath();
    assertThat(article.getList("tags.name", String.class))
        .containsExactly("Rust", "Linux", "kernel-development");
    given()
        .get("/api/v1/authors/northwind-desk")
        .then()
        .statusCode(200)
        .body("bio", not(emptyOrNullString()));
  }

  @Test
  void demoContentIsLargeEnough() {
    given().queryParam("author", "northwind-desk").get("/api/v1/articles").then().statusCode(200);
    int articles =
        given()
            .queryParam("publishedBefore", "2026-11-24T00:00:00Z")
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .path("page.total");
    assertThat(articles).isGreaterThanOrEqualTo(12);
    List<String> demoTags =
        List.of(
            "rust",
            "linux",
            "kernel-development",
            "security",
            "databases",
            "open-source",
            "ai",
            "web");
    for (String tag : demoTags) {
      given()
          .get("/api/v1/tags/" + tag)
          .then()
          .statusCode(200)
          .body("articles", greaterThanOrEqualTo(1));
    }
    for (String handle : List.of("northwind-desk", "tobias-lind", "priya-raman")) {
      given()
          .get("/api/v1/authors/" + handle)
          .then()
          .statusCode(200)
          .body("articles", greaterThanOrEqualTo(1));
    }
  }

  @Test
  void theSecurityArticleShowsTheSanitiserAtWork() {
    given()
        .queryParam("q", "script alert")
        .queryParam("limit", 100)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.slug", String.class)
        .forEach(
            slug -> {
              String html =
                  given()
                      .get("/api/v1/articles/" + slug)
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("html");
              assertThat(html.toLowerCase())
                  .doesNotContain("<script")
                  .doesNotContain("href=\"javascript:");
            });
  }

  @Test
  void loadsOnlyOnce() {
    long before = given().get("/api/v1/authors").then().extract().jsonPath().getLong("page.total");
    QuarkusTransaction.requiringNew().run(loader::loadOnce);
    given().get("/api/v1/authors").then().body("page.total", equalTo((int) before));
  }
}
