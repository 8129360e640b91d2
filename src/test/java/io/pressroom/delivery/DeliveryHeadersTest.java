package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryHeadersTest {

  @Inject Fixtures fixtures;

  @Test
  void fieldsTrimsDetailAndListAnswers() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String slug = fixtures.article(author).tags(tag).create();

    Response detail =
        given()
            .queryParam("fields", "slug,title,stats")
            .get("/api/v1/articles/" + slug)
            .then()
            .statusCode(200)
            .extract()
            .response();
    assertThat(detail.jsonPath().getMap("").keySet()).isEqualTo(Set.of("slug", "title", "stats"));

    Response list =
        given()
            .queryParam("tag", tag)
            .queryParam("fields", "slug, publishedAt")
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .response();
    List<Map<String, Object>> items = list.jsonPath().getList("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).keySet()).isEqualTo(Set.of("slug", "publishedAt"));
    assertThat(list.jsonPath().getMap("page").keySet())
        .isEqualTo(Set.of("limit", "total", "next", "totalIsExact"));

    given()
        .queryParam("fields", "name,articles")
        .get("/api/v1/tags/" + tag)
        .then()
        .statusCode(200)
        .body("name", equalTo(tag))
        .body("slug", org.hamcrest.Matchers.nullValue());

    given()
        .queryParam("fields", "slug,sourceUrl")
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("fields"))
        .body("detail", containsString("sourceUrl"));
    given().queryParam("fields", ",").get("/api/v1/articles").then().statusCode(400);
  }

  @Test
  void answersAreGzippedForClientsThatAskForIt() {
    fixtures.article(fixtures.author()).create();
    Response gzipped =
        given()
            .config(
                RestAssuredConfig.config()
                    .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
            .header("Accept-Encoding", "gzip")
            .queryParam("limit", 20)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .header("Content-Encoding", "gzip")
            .extract()
            .response();
    assertThat(gzipped.asByteArray()[0]).isEqualTo((byte) 0x1f);
  }

  /**
   * Tests run against an external database, like production: with no PRESSROOM_CORS_ORIGINS, no
   * origin may call from a browser, the development ports of localhost included: a browser reads an
   * answer only when Access-Control-Allow-Origin names its origin.
   */
  @Test
  void withoutConfiguredOriginsNoBrowserOriginIsGranted() {
    for (String origin :
        List.of("http://localhost:5173", "http://localhost:3000", "https://evil.example.com")) {
      Response preflight =
          given()
              .header("Origin", origin)
              .header("Access-Control-Request-Method", "PATCH")
              .header("Access-Control-Request-Headers", "authorization,content-type")
              .options("/api/v1/articles/some-slug")
              .then()
              .extract()
              .response();
      assertThat(preflight.getHeader("Access-Control-Allow-Origin")).as(origin).isNull();

      Response read = given().header("Origin", origin).get("/api/v1/tags");
      assertThat(read.getHeader("Access-Control-Allow-Origin")).as(origin).isNull();
    }
    // Clients that are not browsers send no Origin and are unaffected.
    given().get("/api/v1/tags").then().statusCode(200);
  }

  @Test
  void everyAnswerSaysWhereTheClientStandsWithItsRateLimit() {
    given()
        .get("/api/v1/tags")
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", notNullValue())
        .header("RateLimit-Remaining", notNullValue())
        .header("RateLimit-Reset", notNullValue());
  }
}
