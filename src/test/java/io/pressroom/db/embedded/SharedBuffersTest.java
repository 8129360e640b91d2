package io.pressroom.db.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedBuffersTest {

  private static final long GB = 1024L * 1024 * 1024;

  @Test
  void anEighthOfTheMemoryBetweenTheStockSizeAndOneGigabyte() {
    assertThat(SharedBuffers.forMemory(4 * GB)).isEqualTo("512MB");
    assertThat(SharedBuffers.forMemory(2 * GB)).isEqualTo("256MB");
    assertThat(SharedBuffers.forMemory(GB / 2)).isEqualTo("128MB");
    assertThat(SharedBuffers.forMemory(24 * GB)).isEqualTo("1024MB");
    assertThat(SharedBuffers.forMemory(0)).isEqualTo("128MB");
  }
}
