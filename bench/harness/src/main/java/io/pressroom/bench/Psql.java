package io.pressroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL on the benchmark's PostgreSQL with {@code psql} (which bench/run installs), so that the
 * program needs no JDBC driver.
 */
final class Psql {

  /**
   * The statements that count: not the benchmark's own (pg_stat_*), and not the JDBC driver's
   * catalog lookups (pgjdbc asks pg_catalog for column metadata the first time a pooled connection
   * sees a query shape: one-off work per connection, not per request).
   */
  static final String APP_STATEMENTS =
      "query not like '%pg_stat_%' and query !~* 'from[[:space:]]+pg_catalog[.]'";

  private final String psql;
  private final int port;

  /** {@code psql}: the client's command (bench/run leaves it to PATH). */
  Psql(String psql, int port) {
    this.psql = psql;
    this.port = port;
  }

  /** One value or rows, unaligned, without headers; fails on any error. */
  String query(String sql) {
    return run(sql, true);
  }

  /** As psql prints a table, with headers, for people. */
  String table(String sql) {
    return run(sql, false);
  }

  /** True when the query ran without error. */
  boolean works(String sql) {
    try {
      run(sql, true);
      return true;
    } catch (BenchException e) {
      return false;
    }
  }

  /** A SQL string literal. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private String run(String sql, boolean unaligned) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            psql,
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-U",
            "postgres",
            "-d",
            "postgres"));
    if (unaligned) {
      command.add("-At");
    }
    command.add("-c");
    command.add(sql);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putIfAbsent("PGPASSWORD", "postgres");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new BenchException("psql failed: " + out.strip() + " (SQL: " + sql + ")");
      }
      return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    } catch (IOException e) {
      throw new BenchException("cannot run psql: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
  }
}
