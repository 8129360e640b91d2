package io.pressroom.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one wrk run reports, read from the machine-readable lines that {@code bench/lua/report.lua}
 * prints in wrk's {@code done()}: {@code BENCH requests=... duration_us=... p50_us=...} and, for
 * the write mix, {@code BENCH_STATUSES 201:5347,204:10647}. wrk's own human-readable summary around
 * them is left as it is (it stays in {@code bench/work/wrk/}).
 */
record WrkResult(
    long requests,
    long durationUs,
    long p50Us,
    long p99Us,
    long non2xx,
    long connect,
    long read,
    long write,
    long timeout,
    Optional<String> statuses) {

  /** Reads wrk's whole output; fails when the {@code BENCH} line is missing or incomplete. */
  static WrkResult parse(String output) {
    String line = null;
    String statuses = null;
    for (String l : output.split("\\R")) {
      if (l.startsWith("BENCH ")) {
        line = l;
      } else if (l.startsWith("BENCH_STATUSES")) {
        String rest = l.substring("BENCH_STATUSES".length()).trim();
        statuses = rest.split("\\s+")[0];
      }
    }
    if (line == null) {
      throw new IllegalArgumentException("no BENCH line in the wrk output");
    }
    Map<String, Long> v = new HashMap<>();
    for (String field : line.substring("BENCH ".length()).trim().split("\\s+")) {
      int eq = field.indexOf('=');
      if (eq > 0) {
        v.put(field.substring(0, eq), Long.parseLong(field.substring(eq + 1)));
      }
    }
    for (String key :
        new String[] {
          "requests",
          "duration_us",
          "p50_us",
          "p99_us",
          "non2xx",
          "connect",
          "read",
          "write",
          "timeout"
        }) {
      if (!v.containsKey(key)) {
        throw new IllegalArgumentException("the BENCH line has no " + key + ": " + line);
      }
    }
    return new WrkResult(
        v.get("requests"),
        v.get("duration_us"),
        v.get("p50_us"),
        v.get("p99_us"),
        v.get("non2xx"),
        v.get("connect"),
        v.get("read"),
        v.get("write"),
        v.get("timeout"),
        Optional.ofNullable(statuses));
  }

  /** Requests that failed, timed out or were not 2xx/3xx. */
  long errors() {
    return non2xx + connect + read + write + timeout;
  }

  /** Requests per second over wrk's own measured duration, rounded as printf %.0f does. */
  long requestsPerSecond() {
    return durationUs == 0 ? 0 : Fmt.whole(requests / (durationUs / 1e6));
  }

  /** The median latency in milliseconds, to two decimals. */
  double p50Ms() {
    return Fmt.rounded(p50Us / 1000.0, 2);
  }

  /** The 99th percentile latency in milliseconds, to two decimals. */
  double p99Ms() {
    return Fmt.rounded(p99Us / 1000.0, 2);
  }
}
