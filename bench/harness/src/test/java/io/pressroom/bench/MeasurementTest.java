package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeasurementTest {
  static final Cpu.Share CPU = new Cpu.Share(62, 36, 0, 1, 1);

  static WrkResult wrk(long requests, long timeouts) {
    return new WrkResult(requests, 20_000_000, 700, 4080, 0, 0, 0, 0, timeouts, Optional.empty());
  }

  @Test
  void statementsAreDividedByTheRequestsTheAppAnswered() {
    // wrk counted 15,540 requests; the app answered 15,572 (32 were in flight when wrk stopped).
    Measurement m =
        Measurement.of(
            wrk(15_540, 0), 1_000L, 16_572L, new Measurement.Statements(31_144, 15_728.6), CPU);

    assertThat(m.rps()).isEqualTo(777);
    assertThat(m.sqlCell()).isEqualTo("2.00");
    assertThat(m.dbMsCell()).isEqualTo("1.01");
    assertThat(m.p50Cell()).isEqualTo("0.70");
    assertThat(m.p99Cell()).isEqualTo("4.08");
    assertThat(m.tries()).isEqualTo(1);
  }

  @Test
  void withoutTheAppsCounterWrksRequestsAndTimeoutsAreUsed() {
    Measurement m =
        Measurement.of(wrk(990, 10), null, null, new Measurement.Statements(2_000, 50), CPU);

    assertThat(m.sqlCell()).isEqualTo("2.00");
    assertThat(m.errors()).isEqualTo(10);
  }

  @Test
  void aCounterBelowWrksCountIsNotTrusted() {
    // The counter moved less than wrk counted (it lags): at least wrk's requests.
    Measurement m =
        Measurement.of(wrk(1_000, 0), 500L, 900L, new Measurement.Statements(3_000, 30), CPU);

    assertThat(m.sqlCell()).isEqualTo("3.00");
    assertThat(m.dbMsCell()).isEqualTo("0.03");
  }

  @Test
  void withoutStatementStatisticsTheColumnsReadNa() {
    Measurement m = Measurement.of(wrk(1_000, 0), 0L, 1_000L, null, CPU);

    assertThat(m.sqlPerRequest()).isEmpty();
    assertThat(m.sqlCell()).isEqualTo("n/a");
    assertThat(m.dbMsCell()).isEqualTo("n/a");
  }

  @Test
  void noRequestAtAllReadsNa() {
    Measurement m = Measurement.of(wrk(0, 0), 5L, 5L, new Measurement.Statements(0, 0), CPU);

    assertThat(m.sqlCell()).isEqualTo("n/a");
    assertThat(m.rps()).isZero();
  }
}
