package io.pressroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run as a picture ({@code bench/work/results.svg}): one line per row of the report's two
 * tables, with two bars side by side. On the left the row's req/s as a share of its nginx ceiling
 * measured in the same run (the ceiling is the 100% line, the row's target a diamond: 30%, 20% or
 * 5%, and for the write mix 800 req/s in the same units); on the right its p99 in ms with its
 * limit. Both axes are logarithmic, since the figures run from 0.01% to 100% and from 1 ms to
 * seconds. Plain SVG written by hand: the program has no dependency.
 */
final class Chart {
  private static final int WIDTH = 1160;
  private static final int LABEL_W = 250;
  private static final int SHARE_X = LABEL_W + 10;
  private static final int SHARE_W = 420;
  private static final int P99_X = SHARE_X + SHARE_W + 70;
  private static final int P99_W = 320;
  private static final int LINE = 22;
  private static final int BAR = 14;

  private static final double SHARE_MIN = 1e-4;
  private static final double SHARE_MAX = 2;
  private static final double MS_MIN = 0.1;
  private static final double MS_MAX = 10_000;

  static final String MET = "#2e7d32";
  static final String MISSED = "#c62828";
  static final String NO_TARGET = "#78909c";
  static final String TARGET = "#ef6c00";

  private final RunState state;
  private final Report.Info info;
  private final List<String> out = new ArrayList<>();
  private int y;

  private Chart(RunState state, Report.Info info) {
    this.state = state;
    this.info = info;
  }

  static String render(RunState state, Report.Info info) {
    return new Chart(state, info).render();
  }

  private String render() {
    List<Row> deployed = state.rows;
    List<Row> database = state.rows.stream().filter(Row::inDatabasePass).toList();
    int height = 110 + 2 * 56 + (deployed.size() + database.size()) * LINE + 130;
    out.add(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + WIDTH
            + "\" height=\""
            + height
            + "\" viewBox=\"0 0 "
            + WIDTH
            + " "
            + height
            + "\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">");
    out.add("<title>Pressroom benchmark, " + esc(info.time()) + "</title>");
    out.add("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    text(
        20,
        28,
        "Pressroom benchmark, "
            + info.time()
            + ": "
            + String.format(Locale.ROOT, "%,d", info.articles())
            + " articles, "
            + info.duration()
            + " s per row ("
            + info.nocacheDuration()
            + " s with the cache off)",
        "font-size=\"16\" font-weight=\"bold\"");
    text(
        20,
        48,
        "Each row beside its ceiling (nginx serving the same kind of bytes as static files, measured"
            + " in the same run) and its target. Both axes are logarithmic.",
        "fill=\"#444\"");
    y = 70;
    axes(y, "req/s as a share of nginx (ceiling = 100%)", "p99 latency, ms");
    y += 40;
    section("As deployed (response cache on; signed-in pages and the write mix included)");
    for (Row row : deployed) {
      line(row, false, state.results.get(row.id()));
    }
    y += 10;
    section("Cache off: every request reaches PostgreSQL");
    for (Row row : database) {
      line(row, true, state.results.get("nocache-" + row.id()));
    }
    y += 20;
    legend();
    out.add("</svg>");
    return String.join("\n", out) + "\n";
  }

  /** The two axes' titles and gridlines, from {@code top} down to the bottom of the rows. */
  private void axes(int top, String shareTitle, String p99Title) {
    int bottom =
        top
            + 40
            + 2 * 28
            + 10
            + (state.rows.size() + (int) state.rows.stream().filter(Row::inDatabasePass).count())
                * LINE;
    text(SHARE_X, top, shareTitle, "font-weight=\"bold\"");
    text(P99_X, top, p99Title, "font-weight=\"bold\"");
    for (double v : new double[] {1e-4, 1e-3, 1e-2, 0.1, 1}) {
      int x = shareX(v);
      out.add(gridline(x, top + 8, bottom, v == 1 ? "#000000" : "#dddddd", v == 1 ? 2 : 1));
      text(x, top + 24, Fmt.pct(v).replace(".00%", "%").replace(".0%", "%"), anchor("middle"));
    }
    text(shareX(1) + 4, top + 36, "nginx", "class=\"ceiling-label\" font-size=\"10\"");
    for (double v : new double[] {0.1, 1, 10, 100, 1000, 10_000}) {
      int x = p99X(v);
      out.add(gridline(x, top + 8, bottom, "#dddddd", 1));
      text(
          x,
          top + 24,
          v < 1 ? "0.1" : String.format(Locale.ROOT, "%,d", (long) v),
          anchor("middle"));
    }
    out.add(
        "<line class=\"ceiling\" x1=\""
            + shareX(1)
            + "\" y1=\""
            + (top + 8)
            + "\" x2=\""
            + shareX(1)
            + "\" y2=\""
            + bottom
            + "\" stroke=\"#000000\" stroke-width=\"2\"/>");
  }

  private void section(String title) {
    y += 18;
    text(20, y, title, "font-weight=\"bold\" font-size=\"13\"");
    y += 10;
  }

  /** One row of a table: its label, its share of nginx, its p99, each with its target. */
  private void line(Row row, boolean databasePass, Measurement m) {
    int top = y;
    int mid = top + LINE / 2 + 4;
    text(LABEL_W, mid, row.label(), anchor("end"));
    y += LINE;
    if (row.kind() == Row.Kind.NA || m == null) {
      text(
          SHARE_X + 6,
          mid,
          row.note().isEmpty() ? "n/a" : row.note(),
          "class=\"na\" fill=\"#777\"");
      return;
    }
    int barTop = top + (LINE - BAR) / 2;

    double ratio = Report.ratio(state, row, m);
    Double floor = row.floor(databasePass, info.articles());
    Double targetShare = floor;
    boolean shareMet = floor == null || ratio >= floor;
    Measurement ceiling = state.results.get("nginx-" + row.ceiling());
    if (row.kind() == Row.Kind.WRITE && ceiling != null && ceiling.rps() > 0) {
      targetShare = (double) Row.WRITES_PER_SECOND / ceiling.rps();
      shareMet = m.rps() >= Row.WRITES_PER_SECOND;
    }
    String shareColour = targetShare == null ? NO_TARGET : shareMet ? MET : MISSED;
    int x1 = shareX(ratio);
    out.add(bar("bar share", SHARE_X, barTop, x1 - SHARE_X, shareColour, row.label()));
    if (targetShare != null) {
      out.add(diamond(shareX(targetShare), top + LINE / 2));
    }
    value(
        SHARE_X,
        x1,
        SHARE_X + SHARE_W + 60,
        mid,
        Fmt.pct(ratio) + " · " + String.format(Locale.ROOT, "%,d", m.rps()) + " req/s");

    Double limit = row.p99Limit(databasePass, info.articles());
    boolean answered = m.requests() > 0;
    String p99Colour = limit == null ? NO_TARGET : answered && m.p99Ms() < limit ? MET : MISSED;
    // No request finished: wrk's p99 of 0 would look fast; the bar runs off the axis instead.
    int x2 = answered ? p99X(m.p99Ms()) : p99X(MS_MAX);
    out.add(bar("bar p99", P99_X, barTop, x2 - P99_X, p99Colour, row.label()));
    if (limit != null) {
      out.add(diamond(p99X(limit), top + LINE / 2));
    }
    value(P99_X, x2, WIDTH - 10, mid, answered ? m.p99Cell() + " ms" : "no request finished");
  }

  /**
   * A bar's figure: after the bar when it fits before {@code limit}, else inside its end in white.
   * A white halo keeps it readable over gridlines and target markers.
   */
  private void value(int start, int end, int limit, int y, String label) {
    int width = label.length() * 6 + 4;
    if (end + 4 + width <= limit || end - start < width + 8) {
      text(
          end + 4,
          y,
          label,
          "font-size=\"11\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
    } else {
      text(end - 4, y, label, "font-size=\"11\" fill=\"#ffffff\" " + anchor("end"));
    }
  }

  private void legend() {
    int x = 20;
    y += 10;
    out.add(swatch(x, y, MET));
    text(x + 18, y + 11, "target met", "");
    out.add(swatch(x + 110, y, MISSED));
    text(x + 128, y + 11, "target missed", "");
    out.add(swatch(x + 240, y, NO_TARGET));
    text(x + 258, y + 11, "no target in this pass", "");
    out.add(diamond("legend-target", x + 440, y + 7));
    text(
        x + 452,
        y + 11,
        "target: hot reads 30% of nginx, signed in 20%, database reads and cache misses 5%,",
        "");
    y += 18;
    text(
        x + 452,
        y + 11,
        "the write mix 800 req/s; p99 50 ms (suggestions 20 ms; writes, and search at 1M"
            + " articles, 100 ms)",
        "");
    y += 26;
    List<String> ceilings = new ArrayList<>();
    for (RunState.Ceiling c : state.ceilings) {
      Measurement m = state.results.get("nginx-" + c.id());
      if (m != null) {
        ceilings.add(c.file() + " " + String.format(Locale.ROOT, "%,d", m.rps()) + " req/s");
      }
    }
    text(
        x,
        y + 11,
        "Black line: nginx's ceiling, 100% (" + String.join(", ", ceilings) + ").",
        "fill=\"#444\"");
    y += 20;
    text(
        x,
        y + 11,
        "Rows without a bar were not measured (their endpoint answered 404, or could not be set"
            + " up). The figures: bench/work/results.md.",
        "fill=\"#444\"");
  }

  // -------------------------------------------------------------------------------------------

  static int shareX(double share) {
    return SHARE_X + scale(share, SHARE_MIN, SHARE_MAX, SHARE_W);
  }

  static int p99X(double ms) {
    return P99_X + scale(ms, MS_MIN, MS_MAX, P99_W);
  }

  /** Where {@code v} falls on a logarithmic axis of {@code width} pixels, clamped to it. */
  static int scale(double v, double min, double max, int width) {
    double clamped = Math.max(min, Math.min(max, v));
    return (int) Math.round(width * Math.log(clamped / min) / Math.log(max / min));
  }

  private static String bar(String cls, int x, int y, int w, String fill, String title) {
    return String.format(
        Locale.ROOT,
        "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
        cls,
        x,
        y,
        Math.max(1, w),
        BAR,
        fill,
        esc(title));
  }

  private static String diamond(int x, int y) {
    return diamond("target", x, y);
  }

  private static String diamond(String cls, int x, int y) {
    int r = 6;
    return String.format(
        Locale.ROOT,
        "<path class=\"%s\" d=\"M%d %dL%d %dL%d %dL%d %dZ\" fill=\"%s\" stroke=\"#ffffff\"/>",
        cls,
        x,
        y - r,
        x + r,
        y,
        x,
        y + r,
        x - r,
        y,
        TARGET);
  }

  private static String swatch(int x, int y, String fill) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>",
        x,
        y,
        fill);
  }

  private static String gridline(int x, int y1, int y2, String stroke, int width) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%d\"/>",
        x,
        y1,
        x,
        y2,
        stroke,
        width);
  }

  private void text(int x, int y, String text, String attributes) {
    out.add(
        "<text x=\""
            + x
            + "\" y=\""
            + y
            + "\""
            + (attributes.isEmpty() ? "" : " " + attributes)
            + ">"
            + esc(text)
            + "</text>");
  }

  private static String anchor(String where) {
    return "text-anchor=\"" + where + "\"";
  }

  static String esc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
