package io.pressroom.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.pressroom.PressroomConfig;
import io.pressroom.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Throttles guessing: each failed sign-in spends a token of the email's bucket and of the client
 * address's bucket; an empty bucket answers 429 until it refills. Buckets live in this instance's
 * memory, so with several instances an attacker gets each instance's allowance at most.
 */
@ApplicationScoped
class SignInThrottle {

  private final PressroomConfig.SignIn limits;
  private final Cache<String, Bucket> buckets;

  SignInThrottle(PressroomConfig config) {
    this.limits = config.signIn();
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(limits.window().multipliedBy(2))
            .build();
  }

  void checkAllowed(String email, String address) {
    long waitSeconds =
        Math.max(
            secondsUntilAllowed(emailKey(email), limits.failuresPerEmail()),
            secondsUntilAllowed(addressKey(address), limits.failuresPerAddress()));
    if (waitSeconds > 0) {
      throw ProblemException.tooManyRequests(
          "Too many failed sign-ins; try again in " + waitSeconds + " seconds.", waitSeconds);
    }
  }

  void recordFailure(String email, String address) {
    bucket(emailKey(email), limits.failuresPerEmail()).tryConsume(1);
    bucket(addressKey(address), limits.failuresPerAddress()).tryConsume(1);
  }

  private long secondsUntilAllowed(String key, int capacity) {
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return 0;
    }
    long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
  }

  private Bucket bucket(String key, int capacity) {
    Duration window = limits.window();
    return buckets.get(
        key,
        k ->
            Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build());
  }

  private static String emailKey(String email) {
    return "email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
