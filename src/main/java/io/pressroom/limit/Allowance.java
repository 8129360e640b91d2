package io.pressroom.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.pressroom.web.ProblemException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One limit: {@code capacity} tokens per key, refilled evenly over {@code window}, counted across
 * instances (see {@link Limiter}). Callers spend before the work they limit and refund when it
 * turned out harmless, so that a parallel burst cannot pass a check that only a later failure would
 * have closed.
 */
public final class Allowance {

  private static final int ATTEMPTS = 3;

  private final Limiter limiter;
  private final Limit kind;
  private final String scope;
  private final int capacity;
  private final Duration window;
  private final long windowNanos;
  private final int unsynchronised;
  private final BucketConfiguration configuration;

  /** This instance's buckets: the whole limit with the memory store, else during outages. */
  private final Cache<String, Bucket> local;

  private final Cache<String, Share> shares;

  /**
   * Exact limits: until when (nanoTime) the store said a key's bucket is empty, so that refusals
   * cost no database work (only a refund, here or elsewhere, could bring a token back sooner).
   */
  private final Cache<String, Long> emptyUntil;

  Allowance(Limiter limiter, Limit kind, String scope, int capacity, Duration window) {
    this.limiter = limiter;
    this.kind = kind;
    this.scope = scope + "/" + capacity + "/" + window.toSeconds();
    this.capacity = capacity;
    this.window = window;
    this.windowNanos = window.toNanos();
    this.unsynchronised = limiter.unsynchronised(capacity);
    this.configuration =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
            .build();
    Duration idle = window.multipliedBy(2);
    this.local = Caffeine.newBuilder().maximumSize(1_000_000).expireAfterAccess(idle).build();
    this.shares = Caffeine.newBuilder().maximumSize(1_000_000).expireAfterAccess(idle).build();
    this.emptyUntil = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(window).build();
  }

  public Limit kind() {
    return kind;
  }

  public int capacity() {
    return capacity;
  }

  /** Tokens this instance may admit per key before the store has counted them (0: exact). */
  public int unsynchronised() {
    return unsynchronised;
  }

  /**
   * Spends one token of {@code key}, waiting for the store when it must be asked: worker threads
   * only. During an outage of the store a fail-closed limit answers a 503 problem.
   */
  public Decision take(String key) {
    return counted(decide(key));
  }

  /**
   * Spends one token without any I/O when this instance may decide alone (its share allows it, or
   * the answer is a refusal); null when the store must be asked first ({@link #take}, on a worker
   * thread).
   */
  public Decision takeHere(String key) {
    Decision now = tryLocally(key);
    return now == null ? null : counted(now);
  }

  /** Spends one token of {@code key}: 0 when it was spent, else the seconds until one is back. */
  public long spend(String key) {
    Decision decision = take(key);
    return decision.allowed() ? 0 : decision.retryAfter();
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
    if (decidesAlone()) {
      Bucket bucket = local.getIfPresent(key);
      if (bucket != null) {
        bucket.addTokens(1);
      }
      return;
    }
    if (unsynchronised > 0) {
      Share share = shares.getIfPresent(key);
      if (share != null) {
        share.refund();
        limiter.afterLocal(share, configuration);
      }
      return;
    }
    emptyUntil.invalidate(key);
    try {
      limiter.store().refund(id(key), configuration);
    } catch (RuntimeException e) {
      limiter.storeFailed(e);
    }
  }

  /** A decision without I/O, or null when the store must be asked. */
  private Decision tryLocally(String key) {
    if (decidesAlone()) {
      return locally(key);
    }
    if (unsynchronised == 0) {
      Long until = emptyUntil.getIfPresent(key);
      long left = until == null ? 0 : until - System.nanoTime();
      return left > 0 ? Decision.refused(capacity, TimeUnit.NANOSECONDS.toSeconds(left) + 1) : null;
    }
    Share share = share(key);
    Decision decision = share.tryTake(System.nanoTime());
    if (decision != null) {
      limiter.afterLocal(share, configuration);
    }
    return decision;
  }

  private Decision decide(String key) {
    Decision decision = tryLocally(key);
    if (decision != null) {
      return decision;
    }
    if (unsynchronised > 0) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        limiter.sync(share(key), configuration).join();
        decision = tryLocally(key);
        if (decision != null) {
          return decision;
        }
      }
    }
    return exactly(key);
  }

  /**
   * The memory store, or a fail-open limit while the store is thought down. A fail-closed throttle
   * always asks the store: its request needs the database anyway, and it must not answer 503 for a
   * while after the database came back.
   */
  private boolean decidesAlone() {
    return limiter.memoryOnly() || (kind.failOpen() && limiter.storeDown());
  }

  /** Asks the store for one token: exact limits, and the rare share still spent after syncs. */
  private Decision exactly(String key) {
    ConsumptionProbe probe;
    try {
      probe = limiter.store().take(id(key), configuration);
    } catch (RuntimeException e) {
      limiter.storeFailed(e);
      return locally(key);
    }
    if (!probe.isConsumed()) {
      emptyUntil.put(key, System.nanoTime() + probe.getNanosToWaitForRefill());
    }
    return decision(probe);
  }

  /** This instance alone decides: the memory store, or a fail-open limit during an outage. */
  private Decision locally(String key) {
    if (!limiter.memoryOnly() && !kind.failOpen()) {
      throw ProblemException.unavailable(
          "The database is not reachable right now; try again shortly.",
          Limiter.OUTAGE_RETRY.toSeconds());
    }
    Bucket bucket =
        local.get(
            key,
            k ->
                Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                    .build());
    return decision(bucket.tryConsumeAndReturnRemaining(1));
  }

  private Decision decision(ConsumptionProbe probe) {
    long windowSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(windowNanos));
    if (!probe.isConsumed()) {
      return Decision.refused(
          capacity, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    }
    return Decision.allowed(capacity, probe.getRemainingTokens(), windowSeconds);
  }

  private Decision counted(Decision decision) {
    if (!decision.allowed()) {
      limiter.rejected(kind);
    }
    return decision;
  }

  private Share share(String key) {
    return shares.get(
        key, k -> new Share(id(k), capacity, windowNanos, unsynchronised, System.nanoTime()));
  }

  private String id(String key) {
    return scope + ":" + key;
  }
}
