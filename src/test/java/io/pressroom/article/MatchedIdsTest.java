package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MatchedIdsTest {

  @Test
  void holdsExactlyItsIdsAsGetBitReadsThem() {
    MatchedIds set = MatchedIds.of(new long[] {17, 10, 25, 12}).orElseThrow();

    assertThat(set.lowest()).isEqualTo(10);
    assertThat(set.highest()).isEqualTo(25);
    // get_bit(bytes, n): byte n / 8, bit n % 8 counted from the byte's lowest; n = id - lowest.
    assertThat(set.bits()).containsExactly((byte) 0b1000_0101, (byte) 0b1000_0000);
    assertThat(LongStream.rangeClosed(0, 40).filter(set::contains).toArray())
        .containsExactly(10, 12, 17, 25);
  }

  @Test
  void oneIdIsOneBit() {
    MatchedIds set = MatchedIds.of(new long[] {5_000_000_000L}).orElseThrow();

    assertThat(set.bits()).containsExactly((byte) 1);
    assertThat(set.contains(5_000_000_000L)).isTrue();
    assertThat(set.contains(5_000_000_001L)).isFalse();
  }

  @Test
  void noIdsOrIdsTooFarApartMakeNoSet() {
    assertThat(MatchedIds.of(new long[0])).isEmpty();
    long farthest = 8L * MatchedIds.MAX_BYTES - 1;
    assertThat(MatchedIds.of(new long[] {1, 1 + farthest}).orElseThrow().bits())
        .hasSize(MatchedIds.MAX_BYTES);
    assertThat(MatchedIds.of(new long[] {1, 2 + farthest})).isEmpty();
    assertThat(MatchedIds.of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE})).isEmpty();
  }
}
