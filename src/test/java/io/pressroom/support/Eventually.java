package io.pressroom.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls for an asynchronous effect until it shows or a deadline passes. */
public final class Eventually {

  private static final long PAUSE_MILLIS = 20;

  private Eventually() {}

  /**
   * The first value of {@code probe} that satisfies {@code wanted} within {@code deadline}; fails
   * with the last value seen otherwise.
   */
  public static <T> T within(Duration deadline, Supplier<T> probe, Predicate<T> wanted) {
    long end = System.nanoTime() + deadline.toNanos();
    T last = probe.get();
    while (!wanted.test(last)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Not within " + deadline + "; last seen: " + last);
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting", e);
      }
      last = probe.get();
    }
    return last;
  }
}
