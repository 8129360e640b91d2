package io.pressroom.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets by key (Bucket4j), each holding {@code capacity} tokens refilled evenly over {@code
 * window}. Callers spend before the work they limit and refund when it turned out to be harmless,
 * so that a parallel burst cannot pass a check that only a later failure would have closed. Buckets
 * live in this instance's memory: with several instances a client gets each one's allowance.
 */
public final class Allowances {

  private final int capacity;
  private final Duration window;
  private final Cache<String, Bucket> buckets;

  public Allowances(int capacity, Duration window) {
    this.capacity = capacity;
    this.window = window;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(window.multipliedBy(2))
            .build();
  }

  /** Spends one token of {@code key}: 0 when it was spent, else the seconds until one is back. */
  public long spend(String key) {
    ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return 0;
    }
    return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
  }

  /**
   * Spends one token of {@code key}, or fails with a 429 problem that says {@code what} and when to
   * try again ("Too many reports from your address; try again in 12 seconds.").
   */
  public void spendOrRefuse(String key, String what) {
    long wait = spend(key);
    if (wait > 0) {
      throw ProblemException.tooManyRequests(what + "; try again in " + wait + " seconds.", wait);
    }
  }

  /** Gives back a token spent on work that did no harm (never above the capacity). */
  public void refund(String key) {
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket != null) {
      bucket.addTokens(1);
    }
  }

  private Bucket bucket(String key) {
    return buckets.get(
        key,
        k ->
            Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build());
  }
}
