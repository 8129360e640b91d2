package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {

  @Test
  void roundsTheExactBinaryValueHalfToEvenAsPrintfDoes() {
    // 1.125 and 0.375 are exact in binary: printf rounds them to even; 1.005 is just below.
    assertThat(Fmt.fixed(1.125, 2)).isEqualTo("1.12");
    assertThat(Fmt.fixed(0.375, 2)).isEqualTo("0.38");
    assertThat(Fmt.fixed(1.005, 2)).isEqualTo("1.00");
    assertThat(Fmt.fixed(2.5, 0)).isEqualTo("2");
    assertThat(Fmt.fixed(3.5, 0)).isEqualTo("4");
    assertThat(Fmt.whole(37834.4)).isEqualTo(37834);
    assertThat(Fmt.fixed(0, 2)).isEqualTo("0.00");
    assertThat(Fmt.fixed(-0.001, 2)).isEqualTo("0.00");
  }

  @Test
  void percentagesHaveTwoDecimalsBelowOnePercentAndOneAbove() {
    assertThat(Fmt.pct(0.56479)).isEqualTo("56.5%");
    assertThat(Fmt.pct(0.00036)).isEqualTo("0.04%");
    assertThat(Fmt.pct(0.0099)).isEqualTo("0.99%");
    assertThat(Fmt.pct(0.01)).isEqualTo("1.0%");
    assertThat(Fmt.pct(0.30)).isEqualTo("30.0%");
    assertThat(Fmt.pct(0.05)).isEqualTo("5.0%");
  }
}
