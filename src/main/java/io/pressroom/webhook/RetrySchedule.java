package io.pressroom.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again. Exponential backoff with full jitter: after the n-th
 * failed attempt the next one waits a random time between nothing and a ceiling of 30 s × 3^(n-1),
 * capped at 24 h, so that receivers coming back from an outage are not hit by every sender at the
 * same second. {@link #ATTEMPTS} attempts in all make about three days on average; then the
 * delivery is abandoned. A {@code Retry-After} from the receiver is honoured (never earlier), up to
 * 24 h.
 */
public final class RetrySchedule {

  /** Attempts in all, the first included. */
  public static final int ATTEMPTS = 14;

  static final Duration FIRST_CEILING = Duration.ofSeconds(30);
  static final int FACTOR = 3;
  static final Duration LONGEST = Duration.ofHours(24);

  /** Even a zero draw waits this long, so that a failing receiver is never called in a loop. */
  static final Duration SHORTEST = Duration.ofSeconds(1);

  private final DoubleSupplier random;

  /** {@code random} draws uniformly in [0, 1); tests pass a fixed one. */
  public RetrySchedule(DoubleSupplier random) {
    this.random = random;
  }

  /**
   * When to try again after {@code attemptsMade} attempts failed, the last at {@code now}; empty
   * when that was the last attempt. {@code retryAfter} is what the receiver asked for, if it did.
   */
  public Optional<Instant> next(int attemptsMade, Instant now, Optional<Duration> retryAfter) {
    if (attemptsMade >= ATTEMPTS) {
      return Optional.empty();
    }
    Duration wait = jittered(ceiling(attemptsMade));
    if (retryAfter.isPresent()) {
      Duration asked = min(retryAfter.get(), LONGEST);
      wait = asked.compareTo(wait) > 0 ? asked : wait;
    }
    return Optional.of(now.plus(wait));
  }

  /** The longest wait after the n-th failed attempt (n from 1). */
  public static Duration ceiling(int attemptsMade) {
    Duration ceiling = FIRST_CEILING;
    for (int i = 1; i < attemptsMade && ceiling.compareTo(LONGEST) < 0; i++) {
      ceiling = ceiling.multipliedBy(FACTOR);
    }
    return min(ceiling, LONGEST);
  }

  private Duration jittered(Duration ceiling) {
    long millis = (long) (random.getAsDouble() * ceiling.toMillis());
    Duration wait = Duration.ofMillis(millis);
    return wait.compareTo(SHORTEST) < 0 ? SHORTEST : wait;
  }

  /**
   * A {@code Retry-After} header read as a wait from {@code now}: delay-seconds or an HTTP date.
   * Empty when absent or unreadable; a date in the past is no wait at all.
   */
  public static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.of(LONGEST); // more digits than a long: as long as we ever wait
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
