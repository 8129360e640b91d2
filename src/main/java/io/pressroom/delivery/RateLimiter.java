package io.pressroom.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per client (Bucket4j), each refilling its whole allowance over a minute. They live
 * in this instance's memory; several instances each allow a client their full rate, which
 * Bucket4j's PostgreSQL backend would share if that ever matters.
 */
@ApplicationScoped
class RateLimiter {

  /** What one request was allowed, and what the client has left. */
  record Decision(
      boolean allowed, long limit, long remaining, long resetSeconds, long retryAfter) {}

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(1_000_000).expireAfterAccess(Duration.ofMinutes(5)).build();

  /** Gives back a token taken for a request that turned out to be counted elsewhere. */
  void refund(String client, int perMinute) {
    Bucket bucket = buckets.getIfPresent(client + "/" + perMinute);
    if (bucket != null) {
      bucket.addTokens(1);
    }
  }

  Decision take(String client, int perMinute) {
    Bucket bucket =
        buckets.get(
            client + "/" + perMinute,
            k ->
                Bucket.builder()
                    .addLimit(
                        limit ->
                            limit
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    long remaining = probe.getRemainingTokens();
    if (!probe.isConsumed()) {
      long wait = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
      return new Decision(false, perMinute, 0, wait, wait);
    }
    long untilFull = ((perMinute - remaining) * 60L + perMinute - 1) / perMinute;
    return new Decision(true, perMinute, remaining, untilFull, 0);
  }
}
