package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Browser apps get cross-origin access from the origins PRESSROOM_CORS_ORIGINS names, only. */
@QuarkusTest
@TestProfile(CorsTest.WithBrowserApp.class)
class CorsTest {

  public static class WithBrowserApp implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("PRESSROOM_CORS_ORIGINS", "https://app.example.com");
    }
  }

  @Test
  void theConfiguredOriginGetsPreflightAnswersAndReadableHeaders() {
    given()
        .header("Origin", "https://app.example.com")
        .header("Access-Control-Request-Method", "PATCH")
        .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
        .options("/api/v1/articles/some-slug")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://app.example.com")
        .header("Access-Control-Allow-Methods", containsString("PATCH"))
        .header("Access-Control-Allow-Headers", containsString("Authorization"));

    given()
        .header("Origin", "https://app.example.com")
        .get("/api/v1/tags")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://app.example.com")
        .header("Access-Control-Expose-Headers", containsString("ETag"));
  }

  @Test
  void otherOriginsGetNothingLocalhostIncluded() {
    for (String origin : new String[] {"http://localhost:5173", "https://evil.example.com"}) {
      Response preflight =
          given()
              .header("Origin", origin)
              .header("Access-Control-Request-Method", "DELETE")
              .options("/api/v1/articles/some-slug")
              .then()
              .extract()
              .response();
      assertThat(preflight.getHeader("Access-Control-Allow-Origin")).as(origin).isNull();
      Response read = given().header("Origin", origin).get("/api/v1/tags");
      assertThat(read.getHeader("Access-Control-Allow-Origin")).as(origin).isNull();
    }
  }

  /**
   * The CORS filter adds {@code Access-Control-Allow-Origin} only when the request names an allowed
   * origin, so the same URL has different answers by origin: a shared cache (Varnish, a CDN) that
   * kept one without {@code Vary: Origin} would serve it to every origin, and the browser app would
   * be refused its own data.
   */
  @Test
  void answersVaryByOriginSoSharedCachesKeepOneCopyPerOrigin() {
    for (String path : new String[] {"/api/v1/tags", "/api/v1/articles", "/api/v1/changes"}) {
      for (int request = 0; request < 2; request++) { // the second may come from the app's cache
        given()
            .header("Origin", "https://app.example.com")
            .get(path)
            .then()
            .statusCode(200)
            .header("Access-Control-Allow-Origin", "https://app.example.com")
            .header("Vary", containsString("Origin"));
        Response plain = given().get(path);
        assertThat(plain.statusCode()).as(path).isEqualTo(200);
        assertThat(plain.getHeader("Access-Control-Allow-Origin")).as(path).isNull();
        assertThat(plain.getHeader("Vary")).as(path).contains("Origin");
      }
    }
  }
}
