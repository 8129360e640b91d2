package io.pressroom.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Eventually;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An index that resumes from its place in the changes feed but does not hold what the database
 * holds (articles restored or bulk-loaded around the feed, or a leftover article as here) is built
 * again at start, instead of answering from a different set of articles for ever.
 */
@QuarkusTest
@TestProfile(SearchIndexReconcileTest.IndexLeftFromAnotherDatabase.class)
class SearchIndexReconcileTest {

  /** Starts the app on an index directory that holds one article its database never had. */
  public static class IndexLeftFromAnotherDatabase implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        Path directory = Files.createTempDirectory("pressroom-search-reconcile-");
        IndexOfAnotherDatabase.writeIn(directory);
        return Map.of("pressroom.search.index-directory", directory.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Pattern DOCUMENTS =
      Pattern.compile("(?m)^pressroom_search_index_documents (\\S+)$");

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  void theIndexIsBuiltAgainWhenItDoesNotHoldThePublicArticlesOfItsDatabase() {
    long publicArticles =
        given()
            .get("/api/v1/articles?limit=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("page.total");
    double indexed =
        Eventually.within(
            Duration.ofSeconds(30), this::indexedDocuments, count -> count == publicArticles);
    assertThat(indexed).isEqualTo((double) publicArticles);
  }

  private double indexedDocuments() {
    String body = given().get(metrics).then().statusCode(200).extract().asString();
    Matcher matcher = DOCUMENTS.matcher(body);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
  }
}
