package io.pressroom.report;

import java.util.Arrays;
import java.util.Locale;

/** Where a report stands. The database and the API both name a status in lowercase. */
enum ReportStatus {
  OPEN,
  RESOLVED,
  DISMISSED;

  /** The name the database and the API use. */
  String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every status's name, for checking a query parameter. */
  static String[] names() {
    return Arrays.stream(values()).map(ReportStatus::value).toArray(String[]::new);
  }

  /** The status named {@code value} as the database and the API name it. */
  static ReportStatus of(String value) {
    for (ReportStatus status : values()) {
      if (status.value().equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("No report status is named '" + value + "'");
  }
}
