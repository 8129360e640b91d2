package io.pressroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pressroom.account.Account;
import io.pressroom.search.IndexBeingBuilt;
import io.pressroom.search.SearchIndexReady;
import io.pressroom.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While the index is built, PostgreSQL answers searches, a few at a time: one more waits its turn,
 * then is refused with a 503 rather than taking a pooled connection that every other request needs.
 */
@QuarkusTest
class DatabaseSearchesTest {

  /** pressroom.search.database-concurrency's default. */
  private static final int TURNS = 4;

  @Inject Fixtures fixtures;
  @Inject DatabaseSearches databaseSearches;

  @Test
  void searchesPastTheDatabasesTurnsWaitThenGetA503WhileOtherRequestsGoOn() throws Exception {
    SearchIndexReady.await(Duration.ofSeconds(10));
    IndexBeingBuilt.install();
    Account author = fixtures.author();
    String word = Fixtures.unique("zorturn").replace("-", "");
    String slug = fixtures.article(author).title("On " + word).create();

    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(TURNS);
    ExecutorService slowSearches = Executors.newFixedThreadPool(TURNS);
    List<Future<Object>> held = new ArrayList<>();
    try {
      // Searches that take long in the database hold every turn.
      for (int i = 0; i < TURNS; i++) {
        held.add(
            slowSearches.submit(
                () ->
                    databaseSearches.run(
                        () -> {
                          holding.countDown();
                          try {
                            return release.await(30, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                          }
                        })));
      }
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

      whileTheIndexIsBuilt(word)
          .statusCode(503)
          .header("Retry-After", "1")
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/unavailable"));
      // Listings without q, and searches the index answers, go on.
      given().queryParam("author", author.handle()).get("/api/v1/articles").then().statusCode(200);
      given()
          .queryParam("q", word)
          .get("/api/v1/articles")
          .then()
          .statusCode(200)
          .body("items[0].slug", equalTo(slug));
    } finally {
      release.countDown();
      slowSearches.shutdown();
      assertThat(slowSearches.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    for (Future<Object> search : held) {
      assertThat(search.get()).isEqualTo(true);
    }
    // A turn free again: PostgreSQL answers.
    whileTheIndexIsBuilt(word).statusCode(200).body("items[0].slug", equalTo(slug));
  }

  /** A search of {@code word} as PostgreSQL answers it while the index is being built. */
  private static ValidatableResponse whileTheIndexIsBuilt(String word) {
    return IndexBeingBuilt.during(
        () -> given().queryParam("q", word).get("/api/v1/articles").then());
  }
}
