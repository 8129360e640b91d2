package io.pressroom.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Eventually;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An idle instance does not keep asking the database for changes: writes here and announced writes
 * of other instances wake its search index, and only a slow safety poll (10 s) remains.
 */
@QuarkusTest
class SearchIndexIdleTest {

  private static final Pattern READS =
      Pattern.compile("(?m)^pressroom_search_index_feed_reads_total (\\S+)$");

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  void anIdleSearchIndexDoesNotReadTheChangesFeedForSeconds() {
    given().get("/api/v1/articles?q=anything").then().statusCode(200);
    double during =
        Eventually.within(
            Duration.ofSeconds(20),
            () -> {
              double before = feedReads();
              idle(Duration.ofSeconds(2));
              return feedReads() - before;
            },
            reads -> reads == 0);
    assertThat(during).isZero();
  }

  private double feedReads() {
    Matcher matcher = READS.matcher(given().get(metrics).then().extract().asString());
    assertThat(matcher.find()).as("the feed reads metric").isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  private static void idle(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
