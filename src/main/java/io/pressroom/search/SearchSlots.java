package io.pressroom.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.PressroomConfig;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * At most a few searches of this instance work in its index at a time; the others wait their turn
 * in the order they came. The index's work is all CPU: with every search of a busy instance sharing
 * the cores, each one is sliced among all the others and the unluckiest wait through many rounds of
 * slices (with 32 at once on two cores at 1,000,000 articles, p99 3 times the median). Taking
 * turns, each search runs as fast as alone once it starts and the wait is shared fairly: measured,
 * p99 about half as long, and even less CPU per search (bench/README, "Searches take turns"). Twice
 * the processors, so that a core is not idle while a search reads a page of the index from disk.
 */
@ApplicationScoped
class SearchSlots {

  /** What a search does in the index while it holds a slot. */
  interface IndexWork<T> {
    T run() throws IOException;
  }

  private final Semaphore slots;
  private final int size;

  @Inject
  SearchSlots(PressroomConfig config, MeterRegistry meters) {
    this(
        config.search().concurrency().orElse(2 * Runtime.getRuntime().availableProcessors()),
        meters);
  }

  SearchSlots(int size, MeterRegistry meters) {
    this.size = size;
    this.slots = new Semaphore(size, true);
    Gauge.builder("pressroom.search.waiting", this, SearchSlots::waiting)
        .description("Searches and suggestions waiting for their turn in the index")
        .register(meters);
  }

  /** How many searches may work in the index at a time. */
  int size() {
    return size;
  }

  /** How many searches are waiting for a slot. */
  int waiting() {
    return slots.getQueueLength();
  }

  /** Runs {@code work} once a slot is free, searches that came first going first. */
  <T> T run(IndexWork<T> work) throws IOException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.unavailable(
          "The search was interrupted; the instance is stopping.", 1);
    }
    try {
      return work.run();
    } finally {
      slots.release();
    }
  }
}
