package io.pressroom.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Likes, ratings and comments change only counters, so their commits must never take V16's lock
 * (the one commits that change what listings show take in turn): durable feedback would otherwise
 * queue behind every article save. While another transaction holds that lock, each of them must
 * still answer.
 */
@QuarkusTest
class FeedbackOutsideListingLockTest {

  @Inject Users users;
  @Inject Fixtures fixtures;
  @Inject DataSource dataSource;

  private final ExecutorService requests = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    requests.shutdownNow();
  }

  @Test
  void feedbackCommitsWhileTheListingLockIsHeld() throws Exception {
    String slug = fixtures.article(fixtures.author()).create();
    Users.User reader = users.reader();
    String article = "/api/v1/articles/" + slug;

    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement("select pg_advisory_xact_lock(16, 1)")) {
        lock.execute();
      }
      List<Callable<Integer>> writes =
          List.of(
              () -> reader.request().put(article + "/like").statusCode(),
              () -> reader.request().delete(article + "/like").statusCode(),
              () -> reader.json().body("{\"score\":4}").put(article + "/rating").statusCode(),
              () ->
                  reader
                      .json()
                      .body("{\"body\":\"Written while an article save commits.\"}")
                      .post(article + "/comments")
                      .statusCode());
      for (Callable<Integer> write : writes) {
        Future<Integer> answer = requests.submit(write);
        // A write that waited for the lock would wait until the holder ends, far past this.
        assertThat(answer.get(20, TimeUnit.SECONDS)).isBetween(200, 204);
      }
      holder.rollback();
    }
  }
}
