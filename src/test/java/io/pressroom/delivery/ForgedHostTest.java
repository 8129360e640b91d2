package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.support.Fixtures;
import io.pressroom.support.PublicUrls;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A forged Host or forwarded header never reaches a link: not in the answer to the forger, and not
 * in the cached answer every later client gets.
 */
@QuarkusTest
class ForgedHostTest {

  private static final List<Map<String, String>> FORGERIES =
      List.of(
          Map.of("Host", "evil.example"),
          Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"),
          Map.of("Forwarded", "host=evil.example;proto=https"));

  @Inject Fixtures fixtures;
  @Inject Users users;

  @Test
  void nextPageLinksAndFeedsStayOnThePublicBaseUrl() {
    Account author = fixtures.author();
    String tag = fixtures.tag();
    String slug = fixtures.article(author).tags(tag).create();
    fixtures.article(author).tags(tag).create();

    for (Map<String, String> forged : FORGERIES) {
      for (String path :
          List.of(
              "/api/v1/articles?limit=1&tag=" + tag,
              "/api/v1/tags/" + tag + "/articles?limit=1",
              "/feeds/tags/" + tag + ".atom",
              "/feeds/tags/" + tag + ".rss",
              "/feeds/tags/" + tag + ".json",
              "/api/v1/articles/" + slug)) {
        Response forger = given().headers(forged).get(path);
        Response ordinary = given().get(path);
        for (Response response : List.of(forger, ordinary)) {
          assertThat(response.statusCode()).as(path).isEqualTo(200);
          assertThat(String.valueOf(response.getHeader("Link")))
              .as(path + " " + forged)
              .doesNotContain("evil.example");
          assertThat(response.asString()).as(path + " " + forged).doesNotContain("evil.example");
        }
        assertThat(ordinary.getHeader("X-Cache")).as(path).isEqualTo("hit");
        if (path.contains("limit=1")) {
          assertThat(ordinary.getHeader("Link")).startsWith("<" + PublicUrls.BASE + "/");
        }
        if (path.startsWith("/feeds/")) {
          assertThat(ordinary.asString()).contains(PublicUrls.BASE + "/api/v1/articles/" + slug);
        }
      }
    }
  }

  @Test
  void signedSourceLinksStayOnThePublicBaseUrl() {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    for (Map<String, String> forged : FORGERIES) {
      String url =
          reader
              .request()
              .headers(forged)
              .post("/api/v1/articles/" + slug + "/source-link")
              .then()
              .statusCode(200)
              .extract()
              .path("url");
      assertThat(url).startsWith(PublicUrls.BASE + "/go/");
    }
  }

  @Test
  void locationsOfCreatedResourcesStayOnThePublicBaseUrl() {
    String handle = Fixtures.unique("located");
    String location =
        Users.signUpRequest(handle + "@example.com", handle, handle)
            .header("Host", "evil.example")
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    assertThat(location).isEqualTo(PublicUrls.BASE + "/api/v1/me");
    String tag =
        users
            .editor()
            .json()
            .header("Host", "evil.example")
            .body(Map.of("name", Fixtures.unique("Located tag")))
            .post("/api/v1/tags")
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    assertThat(tag).startsWith(PublicUrls.BASE + "/api/v1/tags/");
  }
}
