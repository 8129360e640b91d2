package io.pressroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown report: the table as deployed (nginx ceilings, then every row), the cache-miss check
 * and peak RSS, the table with the response cache off, and a summary line with one tally for each
 * pass. Rendering also judges the targets, so it is a pure function of the run's state.
 */
final class Report {

  /** What the report says besides the measurements: the data set and how the run went. */
  record Info(
      String time,
      long articles,
      long authors,
      long readers,
      long tags,
      String feedback,
      long loadSeconds,
      String dbSize,
      int threads,
      int connections,
      int duration,
      int nocacheDuration,
      int cores,
      String javaOpts,
      String loadavgBefore,
      long appStartSeconds,
      long wholeRunSeconds) {}

  static final String TABLE_HEAD =
      "| Row | Request | Req/s | p50 ms | p99 ms | SQL/req | DB ms/req | of nginx"
          + " | CPU % server/db/wrk/other | Targets |\n"
          + "|---|---|---:|---:|---:|---:|---:|---:|---:|---|";

  private final RunState state;
  private final Info info;
  private final Tally deployed = new Tally();
  private final Tally database = new Tally();

  private Report(RunState state, Info info) {
    this.state = state;
    this.info = info;
  }

  static String render(RunState state, Info info) {
    return new Report(state, info).render();
  }

  private String render() {
    List<String> out = new ArrayList<>();
    out.add("# Pressroom benchmark, " + info.time());
    out.add("");
    out.add(
        "- Data set: "
            + info.articles()
            + " articles, "
            + info.authors()
            + " authors, "
            + info.readers()
            + " readers, "
            + info.tags()
            + " tags with a skewed popularity; feedback: "
            + info.feedback()
            + ". Loaded in "
            + info.loadSeconds()
            + " s; database "
            + info.dbSize()
            + ".");
    out.add(
        "- Load: wrk with "
            + info.threads()
            + " threads and "
            + info.connections()
            + " connections, "
            + info.duration()
            + " s per row after a warm-up. The app, its PostgreSQL, nginx and wrk share this"
            + " machine's "
            + info.cores()
            + " cores.");
    out.add("");
    out.add(
        "## As deployed: anonymous reads served from the response cache after their first"
            + " request");
    out.add("");
    out.add(TABLE_HEAD);
    for (RunState.Ceiling c : state.ceilings) {
      Measurement m = state.results.get("nginx-" + c.id());
      out.add(
          "| nginx, static "
              + c.id()
              + " | `"
              + c.file()
              + "`, "
              + c.bytes()
              + " bytes | "
              + m.rps()
              + " | "
              + m.p50Cell()
              + " | "
              + m.p99Cell()
              + " | | | 100% | "
              + m.cpu().nginxCell()
              + " | the ceiling |");
    }
    List<String> notMeasured = new ArrayList<>();
    for (Row row : state.rows) {
      if (row.kind() == Row.Kind.NA) {
        notMeasured.add(row.id());
        out.add(
            "| "
                + row.label()
                + " | "
                + row.requestCell()
                + " | n/a | n/a | n/a | n/a | n/a | n/a | n/a | "
                + row.note()
                + " |");
        continue;
      }
      out.add(tableRow(deployed, false, row, state.results.get(row.id())));
    }
    out.add("");
    RunState.ColdCheck cold = state.cold;
    boolean coldMet =
        deployed.target(
            Tally.Category.CURSOR,
            "deep page " + Fmt.fixed(cold.ratio(), 2) + "×",
            cold.ratio() <= Tally.CURSOR_LIMIT);
    out.add(
        "- Deep cursor on cache misses: "
            + cold.samples()
            + " requests one at a time, each with its own `limit`: first page median "
            + Fmt.fixed(cold.firstMs(), 2)
            + " ms, "
            + state.depth
            + " deep "
            + Fmt.fixed(cold.deepMs(), 2)
            + " ms, **"
            + Fmt.fixed(cold.ratio(), 2)
            + "×** (target ≤ 1.5×: "
            + (coldMet ? "met" : "**missed**")
            + ").");
    long rss = state.rssPeakMb();
    boolean rssMet = deployed.target(Tally.Category.RSS, rss + " MB", rss < Tally.RSS_LIMIT_MB);
    out.add(
        "- App peak resident memory (VmHWM of the JVM, the higher of its two runs; PostgreSQL is"
            + " separate): **"
            + rss
            + " MB** (target < 512 MB: "
            + (rssMet ? "met" : "**missed**")
            + ")"
            + (state.anonMb() > 0
                ? "; of it, the app's own memory (RssAnon at the end of a run: heap, metaspace,"
                    + " code) was at most "
                    + state.anonMb()
                    + " MB; the rest is pages of mapped files (the search index's, the JVM's"
                    + " libraries), page cache"
                : "")
            + ". JVM options: "
            + (info.javaOpts().isEmpty() ? "none (JVM defaults)" : info.javaOpts())
            + ".");
    out.add("");
    out.add("## The database path: the same reads with the response cache off");
    out.add("");
    out.add(
        "Every request reaches PostgreSQL (`PRESSROOM_RESPONSE_CACHE_ENABLED=false`), "
            + info.nocacheDuration()
            + " s per row. The database rows (deep cursor, searches, author) and the cache"
            + " misses of the tag page and the feed are held to 5% of nginx and their p99,"
            + " suggestions to their p99; the article page and the tags list only to the"
            + " statement count, since the cache serves them in production. Signed-in pages and"
            + " the write mix run as deployed only.");
    out.add("");
    out.add(TABLE_HEAD);
    for (Row row : state.rows) {
      if (!row.inDatabasePass()) {
        continue;
      }
      out.add(tableRow(database, true, row, state.results.get("nocache-" + row.id())));
    }
    out.add("");
    out.add(
        "- CPU: the share of the machine (100% = all "
            + info.cores()
            + " cores busy) used during the row by the server (the app, or nginx for the ceiling"
            + " rows), PostgreSQL, wrk, and other work (every other process, and the time the"
            + " host gave other machines: it distorts the figures). Load average before the run: "
            + info.loadavgBefore()
            + ".");
    int worstOther = state.results.values().stream().mapToInt(m -> m.cpu().other()).max().orElse(0);
    if (worstOther > 10) {
      out.add(
          "- **Warning**: other work on the machine took up to "
              + worstOther
              + "% of its CPU during a row; these figures understate what the app and nginx can"
              + " do on a quiet machine.");
    }
    out.add(
        "- App start on the loaded database: "
            + info.appStartSeconds()
            + " s. Whole run: "
            + info.wholeRunSeconds()
            + " s. Raw wrk output: `bench/work/wrk/`; the costliest statements of each row:"
            + " `bench/work/statements.txt`.");
    out.add("");
    String summary =
        "Summary: as deployed, " + deployed.line() + ". With the cache off, " + database.line();
    if (!notMeasured.isEmpty()) {
      summary += "; not measured: " + String.join(" ", notMeasured) + " (endpoints not there yet)";
    }
    out.add(summary + ".");
    return String.join("\n", out) + "\n";
  }

  /**
   * One line of a table, judging the row's targets into {@code tally}. With the cache off ({@code
   * databasePass}) the hot rows are held only to the statement count: the response cache is what
   * serves them in production.
   */
  private String tableRow(Tally tally, boolean databasePass, Row row, Measurement m) {
    double ratio = ratio(state, row, m);
    List<String> misses = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Double floor = row.floor(databasePass, info.articles());
    Double p99Limit = row.p99Limit(databasePass, info.articles());
    if (floor != null
        && !tally.target(Tally.Category.RATIO, row.id() + " " + Fmt.pct(ratio), ratio >= floor)) {
      misses.add("below " + Fmt.pct(floor) + " of nginx");
    }
    if (row.kind() == Row.Kind.WRITE
        && !tally.target(
            Tally.Category.WRITES,
            row.id() + " " + m.rps() + " req/s",
            m.rps() >= Row.WRITES_PER_SECOND)) {
      misses.add("below " + Row.WRITES_PER_SECOND + " req/s");
    }
    // wrk reports a p99 of 0 when no request finished in the time: that is no fast answer.
    if (p99Limit != null && m.requests() == 0) {
      tally.target(Tally.Category.P99, row.id() + " no answer", false);
      misses.add(
          "no request finished in "
              + (databasePass ? info.nocacheDuration() : info.duration())
              + " s");
    } else if (p99Limit != null
        && !tally.target(
            Tally.Category.P99, row.id() + " " + m.p99Cell() + " ms", m.p99Ms() < p99Limit)) {
      misses.add("p99 ≥ " + Fmt.whole(p99Limit) + " ms");
    }
    if (row.kind() != Row.Kind.WRITE) {
      if (m.sqlPerRequest().isEmpty()) {
        misses.add("SQL count n/a");
      } else if (!tally.target(
          Tally.Category.SQL,
          row.id() + " " + m.sqlCell(),
          m.sqlPerRequest().getAsDouble() <= Tally.SQL_LIMIT)) {
        misses.add("SQL/req > 3");
      }
    }
    if (m.errors() > 0) {
      notes.add(m.errors() + " of " + m.requests() + " answers failed or not 2xx/3xx");
    }
    if (!row.note().isEmpty() && !databasePass) {
      notes.add(row.note());
    }
    if (m.tries() > 1) {
      notes.add("best of " + m.tries() + " tries");
    }
    String verdict;
    if (!misses.isEmpty()) {
      verdict = "**missed**: " + String.join("; ", misses);
    } else if (floor == null && p99Limit == null) {
      verdict = "met (statements only)";
    } else {
      verdict = "met";
    }
    if (!notes.isEmpty()) {
      verdict += " (" + String.join("; ", notes) + ")";
    }
    return "| "
        + row.label()
        + " | "
        + row.requestCell()
        + " | "
        + m.rps()
        + " | "
        + m.p50Cell()
        + " | "
        + m.p99Cell()
        + " | "
        + m.sqlCell()
        + " | "
        + m.dbMsCell()
        + " | "
        + Fmt.pct(ratio)
        + " | "
        + m.cpu().appCell()
        + " | "
        + verdict
        + " |";
  }

  /**
   * The row's req/s as a share of its nginx ceiling measured in the same run (0 without one),
   * rounded as the report prints it.
   */
  static double ratio(RunState state, Row row, Measurement m) {
    Measurement ceiling = state.results.get("nginx-" + row.ceiling());
    return ceiling == null || ceiling.rps() == 0
        ? 0
        : Fmt.rounded((double) m.rps() / ceiling.rps(), 5);
  }

  private static final Pattern FEEDBACK_LINE =
      Pattern.compile("^\\s*(likes|ratings|comments|follows)\\s*\\|\\s*(.*?)\\s*$");

  /**
   * The feedback rows the generator made, from the table {@code generate.sql} prints at the end of
   * its load ({@code bench/work/load-finish.log}): "999041 likes, 199957 ratings, ..." with "no
   * ratings table" for a kind it skipped.
   */
  static String feedback(String loadLog) {
    List<String> parts = new ArrayList<>();
    for (String line : loadLog.split("\\R")) {
      Matcher m = FEEDBACK_LINE.matcher(line);
      if (m.matches()) {
        String kind = m.group(1);
        String rows = m.group(2);
        parts.add(rows.matches("[0-9]+") ? rows + " " + kind : "no " + kind + " table");
      }
    }
    return String.join(", ", parts);
  }
}
