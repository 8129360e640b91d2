package io.pressroom.web;

import java.util.Optional;

/**
 * How much of a collection a client asks for: {@code limit} items after {@code cursor}, or the
 * numbered {@code page} of that size.
 */
public record PageRequest(int limit, Optional<String> cursor, int page) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET_DEPTH = 10_000;

  /** Parses the raw query parameters; any bad value is a 400 problem naming the parameter. */
  public static PageRequest parse(String limit, String cursor, String page) {
    int size = QueryParams.intInRange("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
    boolean hasCursor = cursor != null && !cursor.isEmpty();
    if (hasCursor && page != null) {
      throw ProblemException.invalidParameter("page", "send either cursor or page, not both");
    }
    int number = 1;
    if (page != null) {
      number = QueryParams.intInRange("page", page, 1, Integer.MAX_VALUE, 1);
      long depth = (long) number * size;
      if (depth > MAX_OFFSET_DEPTH) {
        throw ProblemException.invalidParameter(
            "page",
            "numbered pages reach "
                + MAX_OFFSET_DEPTH
                + " items deep at most; follow page.next with the cursor parameter to go"
                + " further");
      }
    }
    return new PageRequest(size, hasCursor ? Optional.of(cursor) : Optional.empty(), number);
  }

  /** Rows to fetch: one more than shown tells whether another page follows. */
  public int fetchSize() {
    return limit + 1;
  }

  public int offset() {
    return (page - 1) * limit;
  }
}
