package io.pressroom.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * What one benchmark run found and measured. The run has three steps in three processes (as
 * deployed; with the response cache off, after bench/run restarted the app; the report), so the
 * state is kept in {@code bench/work/state.properties} between them.
 */
final class RunState {

  /** An nginx ceiling: the static file that a row's figures are compared with. */
  record Ceiling(String id, String file, String sourceRow, long bytes) {}

  /**
   * The cache-miss check: medians of requests one at a time, each with its own {@code limit} so
   * that no answer comes from a cache keyed on the URL.
   */
  record ColdCheck(int samples, double firstMs, double deepMs, double ratio) {

    /** From the times (in seconds) of the first-page and deep-page requests. */
    static ColdCheck of(List<Double> firstSeconds, List<Double> deepSeconds) {
      double first = Fmt.rounded(Stats.median(firstSeconds) * 1000, 2);
      double deep = Fmt.rounded(Stats.median(deepSeconds) * 1000, 2);
      double ratio = first == 0 ? 0 : Fmt.rounded(deep / first, 2);
      return new ColdCheck(firstSeconds.size(), first, deep, ratio);
    }
  }

  final List<Row> rows = new ArrayList<>();
  final List<Ceiling> ceilings = new ArrayList<>();

  /** By name: "nginx-detail", "detail", ..., "writes", "nocache-detail", ... */
  final Map<String, Measurement> results = new LinkedHashMap<>();

  int depth;
  ColdCheck cold;
  long rssDeployedMb;
  long rssNocacheMb;

  /** The app's own memory at the end of each pass (RssAnon, {@link Procs#anonRssKb}); 0: unread. */
  long anonDeployedMb;

  long anonNocacheMb;

  Row row(String id) {
    return rows.stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row " + id));
  }

  void replace(Row row) {
    rows.replaceAll(r -> r.id().equals(row.id()) ? row : r);
  }

  /** The higher of the app's two peaks (with and without the response cache). */
  long rssPeakMb() {
    return Math.max(rssDeployedMb, rssNocacheMb);
  }

  /** The higher of the app's own memory at the end of its two passes; 0 when not read. */
  long anonMb() {
    return Math.max(anonDeployedMb, anonNocacheMb);
  }

  void save(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("rows", String.join(",", rows.stream().map(Row::id).toList()));
    for (Row r : rows) {
      String k = "row." + r.id() + ".";
      p.setProperty(k + "label", r.label());
      p.setProperty(k + "path", r.path());
      p.setProperty(k + "kind", r.kind().name());
      p.setProperty(k + "ceiling", r.ceiling());
      p.setProperty(k + "note", r.note());
      p.setProperty(k + "rotation", String.join(" ", r.rotation()));
    }
    p.setProperty("ceilings", String.join(",", ceilings.stream().map(Ceiling::id).toList()));
    for (Ceiling c : ceilings) {
      String k = "ceiling." + c.id() + ".";
      p.setProperty(k + "file", c.file());
      p.setProperty(k + "source", c.sourceRow());
      p.setProperty(k + "bytes", Long.toString(c.bytes()));
    }
    p.setProperty("results", String.join(",", results.keySet()));
    results.forEach(
        (name, m) -> {
          String k = "result." + name + ".";
          p.setProperty(k + "requests", Long.toString(m.requests()));
          p.setProperty(k + "rps", Long.toString(m.rps()));
          p.setProperty(k + "p50", Double.toString(m.p50Ms()));
          p.setProperty(k + "p99", Double.toString(m.p99Ms()));
          p.setProperty(k + "errors", Long.toString(m.errors()));
          p.setProperty(k + "sql", optional(m.sqlPerRequest()));
          p.setProperty(k + "dbms", optional(m.dbMsPerRequest()));
          Cpu.Share s = m.cpu();
          p.setProperty(
              k + "cpu",
              s.app() + "/" + s.postgres() + "/" + s.nginx() + "/" + s.wrk() + "/" + s.other());
          p.setProperty(k + "tries", Integer.toString(m.tries()));
          p.setProperty(k + "statuses", m.statuses());
        });
    p.setProperty("depth", Integer.toString(depth));
    if (cold != null) {
      p.setProperty("cold.samples", Integer.toString(cold.samples()));
      p.setProperty("cold.first", Double.toString(cold.firstMs()));
      p.setProperty("cold.deep", Double.toString(cold.deepMs()));
      p.setProperty("cold.ratio", Double.toString(cold.ratio()));
    }
    p.setProperty("rss.deployed", Long.toString(rssDeployedMb));
    p.setProperty("rss.nocache", Long.toString(rssNocacheMb));
    p.setProperty("rss.anon.deployed", Long.toString(anonDeployedMb));
    p.setProperty("rss.anon.nocache", Long.toString(anonNocacheMb));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(out, "bench/run state between its steps");
    }
  }

  static RunState load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    RunState s = new RunState();
    for (String id : list(p.getProperty("rows"))) {
      String k = "row." + id + ".";
      s.rows.add(
          new Row(
              id,
              p.getProperty(k + "label"),
              p.getProperty(k + "path"),
              Row.Kind.valueOf(p.getProperty(k + "kind")),
              p.getProperty(k + "ceiling"),
              p.getProperty(k + "note", ""),
              list(p.getProperty(k + "rotation"), " ")));
    }
    for (String id : list(p.getProperty("ceilings"))) {
      String k = "ceiling." + id + ".";
      s.ceilings.add(
          new Ceiling(
              id,
              p.getProperty(k + "file"),
              p.getProperty(k + "source"),
              Long.parseLong(p.getProperty(k + "bytes"))));
    }
    for (String name : list(p.getProperty("results"))) {
      String k = "result." + name + ".";
      int[] cpu =
          Arrays.stream(p.getProperty(k + "cpu").split("/")).mapToInt(Integer::parseInt).toArray();
      s.results.put(
          name,
          new Measurement(
              Long.parseLong(p.getProperty(k + "requests")),
              Long.parseLong(p.getProperty(k + "rps")),
              Double.parseDouble(p.getProperty(k + "p50")),
              Double.parseDouble(p.getProperty(k + "p99")),
              Long.parseLong(p.getProperty(k + "errors")),
              optional(p.getProperty(k + "sql")),
              optional(p.getProperty(k + "dbms")),
              new Cpu.Share(cpu[0], cpu[1], cpu[2], cpu[3], cpu[4]),
              Integer.parseInt(p.getProperty(k + "tries")),
              p.getProperty(k + "statuses", "")));
    }
    s.depth = Integer.parseInt(p.getProperty("depth", "0"));
    if (p.getProperty("cold.samples") != null) {
      s.cold =
          new ColdCheck(
              Integer.parseInt(p.getProperty("cold.samples")),
              Double.parseDouble(p.getProperty("cold.first")),
              Double.parseDouble(p.getProperty("cold.deep")),
              Double.parseDouble(p.getProperty("cold.ratio")));
    }
    s.rssDeployedMb = Long.parseLong(p.getProperty("rss.deployed", "0"));
    s.rssNocacheMb = Long.parseLong(p.getProperty("rss.nocache", "0"));
    s.anonDeployedMb = Long.parseLong(p.getProperty("rss.anon.deployed", "0"));
    s.anonNocacheMb = Long.parseLong(p.getProperty("rss.anon.nocache", "0"));
    return s;
  }

  private static List<String> list(String value) {
    return list(value, ",");
  }

  private static List<String> list(String value, String separator) {
    return value == null || value.isEmpty() ? List.of() : List.of(value.split(separator));
  }

  private static String optional(OptionalDouble value) {
    return value.isPresent() ? Double.toString(value.getAsDouble()) : "";
  }

  private static OptionalDouble optional(String value) {
    return value == null || value.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(Double.parseDouble(value));
  }
}
