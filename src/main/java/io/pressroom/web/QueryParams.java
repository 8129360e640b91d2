package io.pressroom.web;

import io.pressroom.db.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Parses query parameters from their raw text, so that a bad value is a 400 problem that names the
 * parameter instead of the 404 that JAX-RS gives for unconvertible parameters.
 */
public final class QueryParams {

  private QueryParams() {}

  public static int intInRange(String name, String raw, int min, int max, int fallback) {
    if (raw == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value < min || value > max) {
        throw ProblemException.invalidParameter(name, "must be " + bounds(min, max));
      }
      return (int) value;
    } catch (NumberFormatException e) {
      throw ProblemException.invalidParameter(name, "must be a whole number " + bounds(min, max));
    }
  }

  /** The earliest instant a request may name: nothing in Pressroom is older. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  /** The latest instant a request may name; PostgreSQL could hold more, nobody needs it. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** Accepts an ISO-8601 instant ({@code 2026-11-24T09:30:00Z}) or a date (UTC midnight). */
  public static Optional<Instant> instant(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String text = raw.trim();
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        instant = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notDate) {
        throw ProblemException.invalidParameter(
            name, "must be an ISO-8601 timestamp such as 2026-11-24T09:30:00Z, or a date");
      }
    }
    if (!inRange(instant)) {
      throw ProblemException.invalidParameter(name, RANGE_MESSAGE);
    }
    // PostgreSQL keeps microseconds: the search index compares the same instant as it does.
    return Optional.of(Timestamps.stored(instant));
  }

  /** What a request is told when it names an instant outside {@link #EARLIEST}..{@link #LATEST}. */
  public static final String RANGE_MESSAGE = "must lie between the years 1970 and 9999";

  /** Whether an instant from a request lies between {@link #EARLIEST} and {@link #LATEST}. */
  public static boolean inRange(Instant instant) {
    return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
  }

  public static String oneOf(String name, String raw, String fallback, String... allowed) {
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    for (String candidate : allowed) {
      if (candidate.equals(raw)) {
        return candidate;
      }
    }
    throw ProblemException.invalidParameter(
        name, "must be one of " + String.join(", ", Arrays.asList(allowed)));
  }

  private static String bounds(int min, int max) {
    return max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
  }
}
