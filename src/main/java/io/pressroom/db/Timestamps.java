package io.pressroom.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Instants as PostgreSQL keeps them: to the microsecond, so that what is written reads back equal.
 */
public final class Timestamps {

  private Timestamps() {}

  /** The current instant, to the microsecond. */
  public static Instant now() {
    return stored(Instant.now());
  }

  /** {@code instant} as a {@code timestamptz} column will hold it. */
  public static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The instant of a {@code timestamptz}'s text as PostgreSQL writes it ({@code 2026-11-18
   * 23:07:10.799196+00}, in the session's time zone, the offset's minutes only when there are some)
   * or of ISO-8601 text ({@code 2026-11-18T23:07:10.799196Z}), which PostgreSQL reads too.
   *
   * @throws DateTimeParseException when it is neither
   */
  public static Instant parse(String text) {
    String iso = text.replace(' ', 'T');
    if (HOURS_ONLY_OFFSET.matcher(iso).find()) {
      iso += ":00";
    }
    return OffsetDateTime.parse(iso).toInstant();
  }

  private static final Pattern HOURS_ONLY_OFFSET = Pattern.compile("T.*[+-]\\d\\d$");
}
