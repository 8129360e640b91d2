package io.pressroom.bench;

import java.util.OptionalDouble;

/**
 * One measured run of a row, as the report shows it: wrk's figures, the statements PostgreSQL ran
 * per request, and the CPU split. Values are rounded as they are printed (req/s whole, milliseconds
 * and statements to two decimals), and targets are judged on those values.
 */
record Measurement(
    long requests,
    long rps,
    double p50Ms,
    double p99Ms,
    long errors,
    OptionalDouble sqlPerRequest,
    OptionalDouble dbMsPerRequest,
    Cpu.Share cpu,
    int tries,
    String statuses) {

  /** What pg_stat_statements counted since its reset: calls, and their time in ms. */
  record Statements(long calls, double totalMs) {}

  /**
   * Combines a wrk result with the app's request counter before and after the row (null when {@code
   * /q/metrics} has no counter) and the statements PostgreSQL ran (null when pg_stat_statements is
   * off, or for an nginx row).
   *
   * <p>Requests are divided by what the app answered, since that includes the requests still in
   * flight when wrk stopped, whose statements were counted too. Requests that timed out in wrk ran
   * in the app as well but it may not count them, so at least wrk's requests plus its timeouts are
   * used.
   */
  static Measurement of(
      WrkResult wrk, Long served0, Long served1, Statements statements, Cpu.Share cpu) {
    long served = served0 != null && served1 != null && served1 > served0 ? served1 - served0 : 0;
    if (served < wrk.requests() + wrk.timeout()) {
      served = wrk.requests() + wrk.timeout();
    }
    OptionalDouble sql = OptionalDouble.empty();
    OptionalDouble ms = OptionalDouble.empty();
    if (statements != null && served > 0) {
      sql = OptionalDouble.of(Fmt.rounded((double) statements.calls() / served, 2));
      ms = OptionalDouble.of(Fmt.rounded(statements.totalMs() / served, 2));
    }
    return new Measurement(
        wrk.requests(),
        wrk.requestsPerSecond(),
        wrk.p50Ms(),
        wrk.p99Ms(),
        wrk.errors(),
        sql,
        ms,
        cpu,
        1,
        wrk.statuses().orElse(""));
  }

  Measurement withTries(int n) {
    return new Measurement(
        requests, rps, p50Ms, p99Ms, errors, sqlPerRequest, dbMsPerRequest, cpu, n, statuses);
  }

  String sqlCell() {
    return sqlPerRequest.isPresent() ? Fmt.fixed(sqlPerRequest.getAsDouble(), 2) : "n/a";
  }

  String dbMsCell() {
    return dbMsPerRequest.isPresent() ? Fmt.fixed(dbMsPerRequest.getAsDouble(), 2) : "n/a";
  }

  String p50Cell() {
    return Fmt.fixed(p50Ms, 2);
  }

  String p99Cell() {
    return Fmt.fixed(p99Ms, 2);
  }
}
