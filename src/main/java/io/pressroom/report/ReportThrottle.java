package io.pressroom.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.pressroom.PressroomConfig;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Limits how many reports one client address may file: {@code pressroom.reports.per-address} per
 * {@code pressroom.reports.window}, refilled gradually. Buckets live in this instance's memory, so
 * with several instances a client gets each instance's allowance at most.
 */
@ApplicationScoped
class ReportThrottle {

  private final PressroomConfig.Reports limits;
  private final Cache<String, Bucket> buckets;

  ReportThrottle(PressroomConfig config) {
    this.limits = config.reports();
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(limits.window().multipliedBy(2))
            .build();
  }

  /** Spends one report of this address's allowance, or fails with a 429 problem. */
  void acquire(String address) {
    Bucket bucket =
        buckets.get(
            address,
            key ->
                Bucket.builder()
                    .addLimit(
                        limit ->
                            limit
                                .capacity(limits.perAddress())
                                .refillGreedy(limits.perAddress(), limits.window()))
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds =
          Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
      throw ProblemException.tooManyRequests(
          "Too many reports from your address; try again in " + seconds + " seconds.", seconds);
    }
  }
}
