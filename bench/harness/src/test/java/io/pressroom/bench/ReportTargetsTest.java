package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Targets judged by the report, away from the all-met case of the README's run. */
class ReportTargetsTest {

  static Measurement with(
      Measurement m, long errors, OptionalDouble sql, double p99, int other, int tries) {
    Cpu.Share c = m.cpu();
    return new Measurement(
        m.requests(),
        m.rps(),
        m.p50Ms(),
        p99,
        errors,
        sql,
        m.dbMsPerRequest(),
        new Cpu.Share(c.app(), c.postgres(), c.nginx(), c.wrk(), other),
        tries,
        m.statuses());
  }

  @Test
  void aSlowDisturbedRowWithErrorsAndNoStatementCount() {
    RunState s = ReportTest.fullRun();
    s.results.put("tags", with(s.results.get("tags"), 12, OptionalDouble.empty(), 51.0, 35, 2));

    String report = Report.render(s, ReportTest.info());

    assertThat(report)
        .contains(
            "| Tags | `/api/v1/tags` | 45624 | 0.61 | 51.00 | n/a | 0.00 | 74.6% | 62/0/36/35 |"
                + " **missed**: p99 ≥ 50 ms; SQL count n/a (12 of 912480 answers failed or not"
                + " 2xx/3xx; best of 2 tries) |")
        .contains(
            "- **Warning**: other work on the machine took up to 35% of its CPU during a row;"
                + " these figures understate what the app and nginx can do on a quiet machine.")
        // A missing statement count is no target: 24, not 25 (the write mix's 799 req/s miss).
        .contains("Summary: as deployed, 22 of 24 targets met:")
        .contains(
            "p99 under its limit (50 ms; suggestions 20; writes 100) 7/8 (missed: tags 51.00 ms);"
                + " ≤ 3 SQL/request 6/6;");
  }

  @Test
  void tenPercentOtherWorkIsNoWarning() {
    RunState s = ReportTest.fullRun();
    s.results.put(
        "tags", with(s.results.get("tags"), 0, s.results.get("tags").sqlPerRequest(), 4.06, 10, 1));

    assertThat(Report.render(s, ReportTest.info())).doesNotContain("Warning");
  }

  @Test
  void theCursorAndMemoryTargets() {
    RunState s = ReportTest.fullRun();
    s.cold = new RunState.ColdCheck(10, 4.10, 6.40, 1.56);
    s.rssNocacheMb = 530;

    String report = Report.render(s, ReportTest.info());

    assertThat(report)
        .contains(
            "first page median 4.10 ms, 2000 deep 6.40 ms, **1.56×** (target ≤ 1.5×: **missed**).")
        .contains("**530 MB** (target < 512 MB: **missed**)")
        .contains(
            "deep/first page ≤ 1.5× 0/1 (missed: deep page 1.56×); RSS < 512 MB 0/1 (missed: 530"
                + " MB). With the cache off");
  }

  @Test
  void rowsNotMeasuredAreNamedInTheSummary() {
    RunState s = ReportTest.fullRun();
    s.replace(s.row("feed").notMeasured("n/a: endpoint not there yet (404)"));
    s.replace(s.row("writes").notMeasured("n/a: no sign-up endpoint (POST /api/v1/accounts: 404)"));
    s.ceilings.removeIf(c -> c.id().equals("feed"));
    s.results.keySet().removeIf(k -> k.endsWith("feed") || k.equals("writes"));

    String report = Report.render(s, ReportTest.info());

    assertThat(report)
        .contains(
            "| Tag Atom feed | `/feeds/tags/linux.atom` | n/a | n/a | n/a | n/a | n/a | n/a | n/a |"
                + " n/a: endpoint not there yet (404) |")
        .contains(
            "| Write mix (signed in) | `like / unlike / comment` | n/a | n/a | n/a | n/a | n/a |"
                + " n/a | n/a | n/a: no sign-up endpoint (POST /api/v1/accounts: 404) |")
        .doesNotContain("nginx, static feed")
        .contains("Summary: as deployed, 20 of 20 targets met")
        .endsWith("; not measured: feed writes (endpoints not there yet).\n");
  }

  @Test
  void theRuleOfEachTarget() {
    Row search = new Row("s", "Search", "/api/v1/articles?q=x", Row.Kind.SEARCH, "list", "");
    Tally t = new Tally();
    assertThat(t.target(Tally.Category.P99, "a", 49.99 < search.p99Limit(false, 100_000))).isTrue();
    assertThat(t.target(Tally.Category.P99, "b 50.00 ms", 50.00 < search.p99Limit(true, 100_000)))
        .isFalse();
    assertThat(t.target(Tally.Category.SQL, "c", 3.00 <= Tally.SQL_LIMIT)).isTrue();
    assertThat(t.target(Tally.Category.RATIO, "d 30.0%", 0.30 >= 0.30)).isTrue();

    assertThat(t.line())
        .isEqualTo(
            "3 of 4 targets met: req/s vs nginx (hot ≥ 30%, signed in ≥ 20%, database and misses"
                + " ≥ 5%) 1/1; p99 under its limit (50 ms; suggestions 20; writes 100) 1/2"
                + " (missed: b 50.00 ms); ≤ 3 SQL/request 1/1");
    assertThat(new Tally().line()).isEqualTo("0 of 0 targets met: ");
  }
}
