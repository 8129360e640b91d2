package io.pressroom.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.account.Account;
import io.pressroom.support.Eventually;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Latches;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Searches and suggestions take turns in the index ({@link SearchSlots}): while every slot is taken
 * a reader's search waits, counted as waiting, and is answered in full once a slot frees.
 */
@QuarkusTest
class SearchTakesTurnsTest {

  private static final Pattern WAITING = Pattern.compile("(?m)^pressroom_search_waiting (\\S+)$");

  @Inject Fixtures fixtures;
  @Inject SearchSlots slots;

  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @Test
  void searchesWaitWhileEverySlotIsTakenAndAreAnsweredOnceOneFrees() throws Exception {
    Account author = fixtures.author();
    String word = "quokkaturn" + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "");
    String slug = fixtures.article(author).title(word + " notes").create();
    Eventually.within(
        Duration.ofSeconds(10),
        () -> given().queryParam("q", word).get("/api/v1/articles").jsonPath(),
        page -> page.getList("items.slug").contains(slug));

    ExecutorService pool = Executors.newCachedThreadPool();
    CountDownLatch free = new CountDownLatch(1);
    try {
      holdEverySlot(pool, free);
      // Other words than above, so that no cached answer serves them.
      CompletableFuture<JsonPath> search =
          CompletableFuture.supplyAsync(() -> get("/api/v1/articles", word + " note"), pool);
      CompletableFuture<JsonPath> suggestion =
          CompletableFuture.supplyAsync(() -> get("/api/v1/suggestions", word), pool);

      Eventually.within(Duration.ofSeconds(10), this::waiting, waiting -> waiting == 2);
      assertThat(search).isNotDone();
      assertThat(suggestion).isNotDone();

      free.countDown();
      assertThat(search.get(10, TimeUnit.SECONDS).getList("items.slug")).containsExactly(slug);
      assertThat(suggestion.get(10, TimeUnit.SECONDS).getList("articles.slug"))
          .containsExactly(slug);
      assertThat(waiting()).isZero();
    } finally {
      free.countDown();
      pool.shutdownNow();
    }
  }

  /** Takes every slot until {@code free}; returns once they are all taken. */
  private void holdEverySlot(ExecutorService pool, CountDownLatch free)
      throws InterruptedException {
    CountDownLatch taken = new CountDownLatch(slots.size());
    List<CompletableFuture<?>> holders = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      holders.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  slots.run(
                      () -> {
                        taken.countDown();
                        Latches.await(free);
                        return null;
                      });
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              pool));
    }
    assertThat(taken.await(10, TimeUnit.SECONDS)).as("every slot taken").isTrue();
  }

  private static JsonPath get(String path, String query) {
    return given().queryParam("q", query).get(path).then().statusCode(200).extract().jsonPath();
  }

  private double waiting() {
    Matcher matcher = WAITING.matcher(given().get(metrics).then().extract().asString());
    assertThat(matcher.find()).as("the waiting searches metric").isTrue();
    return Double.parseDouble(matcher.group(1));
  }
}
