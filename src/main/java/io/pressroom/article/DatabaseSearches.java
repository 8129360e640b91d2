package io.pressroom.article;

import io.pressroom.PressroomConfig;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many searches PostgreSQL's full-text search answers at a time on this instance: while
 * the search index is built (after a start on a new disk, or an upgrade that changes its schema),
 * searches of unpublished articles, and every search with the {@code postgresql} engine. One common
 * word took 20 s there at 1,000,000 articles; unbounded, sixteen readers searching while the index
 * is built would hold every pooled connection (16) for that long, and every other request, reads
 * and writes alike, would wait for one and fail. A search past the bound waits its turn for a
 * while, then is answered 503 with {@code Retry-After}.
 */
@ApplicationScoped
class DatabaseSearches {

  private final Semaphore turns;
  private final Duration wait;

  DatabaseSearches(PressroomConfig config) {
    this.turns = new Semaphore(config.search().databaseConcurrency(), true);
    this.wait = config.search().databaseWait();
  }

  /** Runs {@code search} once a turn is free, or refuses it after the wait. */
  <T> T run(Supplier<T> search) {
    boolean turn;
    try {
      turn = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.unavailable(
          "The search was interrupted; the instance is stopping.", 1);
    }
    if (!turn) {
      throw ProblemException.unavailable(
          "Searches are answered by the database for now (the search index is being built, or"
              + " this is a search of unpublished articles) and as many as it takes at a time are"
              + " running; try again in a moment.",
          1);
    }
    try {
      return search.get();
    } finally {
      turns.release();
    }
  }
}
