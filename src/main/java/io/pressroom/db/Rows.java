package io.pressroom.db;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Reads the columns of native query rows whatever Java type the driver chose for them. */
public final class Rows {

  private Rows() {}

  /** A timestamp as the API shows it: UTC, to the second. */
  public static Instant instant(Object value) {
    Instant exact = exactInstant(value);
    return exact == null ? null : exact.truncatedTo(ChronoUnit.SECONDS);
  }

  /** A timestamp with all its precision. */
  public static Instant exactInstant(Object value) {
    Instant instant;
    if (value == null) {
      return null;
    } else if (value instanceof Instant i) {
      instant = i;
    } else if (value instanceof OffsetDateTime o) {
      instant = o.toInstant();
    } else if (value instanceof ZonedDateTime z) {
      instant = z.toInstant();
    } else if (value instanceof Timestamp t) {
      instant = t.toInstant();
    } else {
      throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
    }
    return instant;
  }

  public static long asLong(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  public static int asInt(Object value) {
    return value == null ? 0 : ((Number) value).intValue();
  }

  public static double asDouble(Object value) {
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  public static boolean asBoolean(Object value) {
    return Boolean.TRUE.equals(value);
  }

  public static String text(Object value) {
    if (value instanceof byte[] utf8) {
      return new String(utf8, StandardCharsets.UTF_8);
    }
    return value == null ? null : value.toString();
  }

  /** Text as UTF-8 bytes; bytes read as they are (see {@link Row#bytes}). */
  public static byte[] utf8(Object value) {
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    return value.toString().getBytes(StandardCharsets.UTF_8);
  }
}
