package io.pressroom.db;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
}
