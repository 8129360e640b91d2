package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wrk's output as bench/run leaves it in bench/work/wrk/. detail.txt, writes.txt and
 * nocache-search.txt are real outputs of wrk 4.1.0 from a quick run (2026-11-29, on a machine
 * shared with a test suite, hence the modest figures); errors.txt is written in wrk's format with
 * socket errors and non-2xx answers, which no real run here had.
 */
class WrkResultTest {

  static String sample(String name) throws IOException {
    try (InputStream in = WrkResultTest.class.getResourceAsStream("/wrk/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aReadRow() throws IOException {
    WrkResult r = WrkResult.parse(sample("detail.txt"));

    assertThat(r.requests()).isEqualTo(21255);
    assertThat(r.durationUs()).isEqualTo(5110949);
    assertThat(r.requestsPerSecond()).isEqualTo(4159);
    assertThat(r.p50Ms()).isEqualTo(5.99);
    assertThat(r.p99Ms()).isEqualTo(85.80);
    assertThat(r.errors()).isZero();
    assertThat(r.statuses()).isEmpty();
  }

  @Test
  void theWriteMixCountsItsStatuses() throws IOException {
    WrkResult r = WrkResult.parse(sample("writes.txt"));

    assertThat(r.statuses()).contains("201:97,204:127");
    assertThat(r.requestsPerSecond()).isEqualTo(59);
    assertThat(r.p50Ms()).isEqualTo(495.45);
    assertThat(r.p99Ms()).isEqualTo(1020.10);
  }

  @Test
  void latenciesOfSecondsAreReadInMicroseconds() throws IOException {
    // wrk prints "1.72s" above; the BENCH line keeps microseconds.
    WrkResult r = WrkResult.parse(sample("nocache-search.txt"));

    assertThat(r.requestsPerSecond()).isEqualTo(30);
    assertThat(r.p50Ms()).isEqualTo(840.51);
    assertThat(r.p99Ms()).isEqualTo(1722.45);
    assertThat(r.errors()).isZero();
  }

  @Test
  void failedAndTimedOutRequestsAreErrors() throws IOException {
    WrkResult r = WrkResult.parse(sample("errors.txt"));

    assertThat(r.non2xx()).isEqualTo(5);
    assertThat(r.read()).isEqualTo(2);
    assertThat(r.timeout()).isEqualTo(3);
    assertThat(r.errors()).isEqualTo(10);
    assertThat(r.requestsPerSecond()).isEqualTo(22);
    assertThat(r.p50Ms()).isEqualTo(1294.90);
  }

  /** The machine-readable line agrees with wrk's own summary above it. */
  @ParameterizedTest
  @ValueSource(strings = {"detail.txt", "writes.txt", "nocache-search.txt", "errors.txt"})
  void agreesWithWrksSummary(String name) throws IOException {
    String text = sample(name);
    WrkResult r = WrkResult.parse(text);

    assertThat(r.requests()).isEqualTo(number(text, "(\\d+) requests in "));
    assertThat((double) r.requestsPerSecond())
        .isCloseTo(Double.parseDouble(find(text, "Requests/sec:\\s+([0-9.]+)")), within(1.0));
    assertThat(r.non2xx()).isEqualTo(numberOrZero(text, "Non-2xx or 3xx responses: (\\d+)"));
    assertThat(r.timeout()).isEqualTo(numberOrZero(text, "timeout (\\d+)"));
  }

  @Test
  void withoutTheBenchLineThereIsNoResult() {
    assertThatThrownBy(
            () -> WrkResult.parse("unable to connect to 127.0.0.1:18081 Connection refused\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no BENCH line in the wrk output");
    assertThatThrownBy(() -> WrkResult.parse("BENCH requests=10 duration_us=100\n"))
        .hasMessageContaining("has no p50_us");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }

  private static long number(String text, String regex) {
    return Long.parseLong(find(text, regex));
  }

  private static long numberOrZero(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
