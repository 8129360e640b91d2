package io.pressroom.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The demo discussion: threads with their dates as written, counted on the articles. */
@QuarkusTest
@TestProfile(DemoContentTest.WithDemoContent.class)
class DemoCommentsTest {

  private static final String RUST = "rust-is-no-longer-an-experiment-in-the-linux-kernel";

  @Inject DemoContentLoader loader;

  @Test
  void theRustArticleHasItsThreads() {
    JsonPath page =
        given()
            .get("/api/v1/articles/" + RUST + "/comments")
            .then()
            .statusCode(200)
            .body("page.total", equalTo(7))
            .body(
                "items.author.handle",
                contains(
                    "quietbyte",
                    "northwind-desk",
                    "lena_k",
                    "devon-reads",
                    "mara-okafor",
                    "hyperthread",
                    "sam-ortiz"))
            .body("items[0].createdAt", equalTo("2026-11-20T10:12:00Z"))
            .body("items[0].parentId", equalTo(null))
            .extract()
            .jsonPath();
    assertThat(page.getLong("items[1].parentId")).isEqualTo(page.getLong("items[0].id"));
    assertThat(page.getLong("items[2].parentId")).isEqualTo(page.getLong("items[1].id"));
    assertThat(page.getString("items[1].html")).contains("<strong>within the same cycle</strong>");
    given().get("/api/v1/articles/" + RUST).then().body("stats.comments", equalTo(7));
  }

  @Test
  void commentsLoadOnlyOnce() {
    QuarkusTransaction.requiringNew().run(loader::loadOnce);
    given().get("/api/v1/articles/" + RUST).then().body("stats.comments", equalTo(7));
    given().get("/api/v1/articles/" + RUST + "/comments").then().body("page.total", equalTo(7));
  }
}
