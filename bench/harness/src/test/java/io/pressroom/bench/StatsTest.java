package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void medianOfAnOddAndAnEvenCount() {
    assertThat(Stats.median(List.of(0.3, 0.1, 0.2))).isEqualTo(0.2);
    assertThat(Stats.median(List.of(0.4, 0.1, 0.3, 0.2))).isEqualTo(0.25);
    assertThat(Stats.median(List.of(7.0))).isEqualTo(7.0);
    assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCacheMissCheckComparesMediansInMilliseconds() {
    // Times in seconds, as curl's time_total gave them; one slow outlier on each side.
    RunState.ColdCheck cold =
        RunState.ColdCheck.of(
            List.of(0.0091, 0.0090, 0.0093, 0.0500), List.of(0.0095, 0.0094, 0.0097, 0.2000));

    assertThat(cold.samples()).isEqualTo(4);
    assertThat(cold.firstMs()).isEqualTo(9.2);
    assertThat(cold.deepMs()).isEqualTo(9.6);
    assertThat(cold.ratio()).isEqualTo(1.04);
  }
}
