package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmthTest {

  @Test
  void aRowAlreadyWarmStopsAfterItsSecondSlice() {
    Warmth warmth = new Warmth(12);
    assertThat(warmth.settled(1500)).isFalse();
    assertThat(warmth.settled(1520)).isTrue();
    assertThat(warmth.slices()).isEqualTo(2);
  }

  @Test
  void aRowWhoseRateStillRisesGoesOnUntilASliceIsNoFaster() {
    Warmth warmth = new Warmth(12);
    assertThat(warmth.settled(312)).isFalse();
    assertThat(warmth.settled(639)).isFalse();
    assertThat(warmth.settled(874)).isFalse();
    assertThat(warmth.settled(1490)).isFalse();
    // Slower than the best: noise or disturbance, not compilation still to come.
    assertThat(warmth.settled(1400)).isTrue();
    assertThat(warmth.slices()).isEqualTo(5);
  }

  @Test
  void aRiseWithinFivePercentCountsAsSettled() {
    Warmth warmth = new Warmth(12);
    warmth.settled(1000);
    assertThat(warmth.settled(1049)).isTrue();
  }

  @Test
  void theWarmUpEndsAtItsLastSliceWhateverTheRate() {
    Warmth warmth = new Warmth(3);
    assertThat(warmth.settled(100)).isFalse();
    assertThat(warmth.settled(200)).isFalse();
    assertThat(warmth.settled(400)).isTrue();
  }

  @Test
  void oneSliceAtMostMeansOneSlice() {
    assertThat(new Warmth(0).settled(100)).isTrue();
  }
}
