package io.pressroom.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The response cache keeps at most {@code pressroom.response-cache.maximum-size} of answers,
 * whatever their sizes: a client asking for many large pages (each URL a new one: another cursor,
 * another limit, a parameter the API ignores) once filled a 256 MB heap with a few thousand of them
 * (it kept up to ten thousand answers, whatever their size) and left the app out of memory. The
 * operator sees what the cache weighs in {@code pressroom_response_cache_size_bytes}.
 */
@QuarkusTest
@TestProfile(ResponseCacheSizeTest.OneMegabyte.class)
class ResponseCacheSizeTest {

  private static final long ONE_MEGABYTE = 1 << 20;

  public static class OneMegabyte implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("pressroom.response-cache.maximum-size", "1M");
    }
  }

  private static final Pattern KEPT_BYTES =
      Pattern.compile("(?m)^pressroom_response_cache_size_bytes(?:\\{[^}]*})? (\\S+)$");

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Inject Fixtures fixtures;

  @Test
  void manyLargePagesStayWithinTheBoundAndThePagesReadersKeepAskingForStay() {
    String hot = "/api/v1/articles/" + fixtures.article(fixtures.author()).create();
    String large =
        "/api/v1/articles/"
            + fixtures.article(fixtures.author()).body("A long body. ".repeat(5_000)).create();
    given().get(hot).then().statusCode(200).header("X-Cache", "miss");
    for (int i = 0; i < 5; i++) {
      given().get(hot).then().statusCode(200).header("X-Cache", "hit");
    }
    int largeBytes = given().get(large).then().statusCode(200).extract().asByteArray().length;
    assertThat(largeBytes).isGreaterThan(60_000);

    for (int i = 0; i < 40; i++) {
      given().get(large + "?copy=" + i).then().statusCode(200).header("X-Cache", "miss");
    }

    double kept = keptBytes();
    assertThat(kept).isPositive().isLessThanOrEqualTo(ONE_MEGABYTE);
    given().get(hot).then().statusCode(200).header("X-Cache", "hit");
  }

  private double keptBytes() {
    String text = given().get(metrics).then().statusCode(200).extract().asString();
    Matcher matcher = KEPT_BYTES.matcher(text);
    assertThat(matcher.find()).as("pressroom_response_cache_size_bytes in %s", text).isTrue();
    return Double.parseDouble(matcher.group(1));
  }
}
