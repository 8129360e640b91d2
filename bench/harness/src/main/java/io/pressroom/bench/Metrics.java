package io.pressroom.bench;

/** Reads the app's Prometheus text ({@code /q/metrics}). */
final class Metrics {
  private Metrics() {}

  /**
   * The sum of every {@code http_server_requests_seconds_count} series (one per URI, method and
   * status), or null when there is none.
   */
  static Long servedRequests(String prometheusText) {
    double sum = 0;
    int series = 0;
    for (String line : prometheusText.split("\\R")) {
      if (line.startsWith("http_server_requests_seconds_count")) {
        String[] fields = line.trim().split("\\s+");
        try {
          sum += Double.parseDouble(fields[fields.length - 1]);
          series++;
        } catch (NumberFormatException e) {
          // not a sample line
        }
      }
    }
    return series == 0 ? null : (long) sum;
  }
}
