package io.pressroom.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One try at sending a delivery and what came of it. {@code status} is null when no answer came
 * (timeout, refused target, connection error); {@code error} says why, or why an answer did not
 * count.
 */
record Attempt(
    Instant at,
    Integer status,
    long durationMillis,
    String error,
    String responseExcerpt,
    Optional<Duration> retryAfter) {

  boolean delivered() {
    return status != null && status >= 200 && status < 300;
  }

  boolean gone() {
    return status != null && status == 410;
  }
}
