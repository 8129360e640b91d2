package io.pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The running pool takes its size from the cores when nothing configures one. */
@QuarkusTest
class PoolSizeTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void thePoolHoldsTwiceTheCoresAndTwoMoreConnectionsUpToSixteen() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(dataSource.getConfiguration().connectionPoolConfiguration().maxSize())
        .isEqualTo(Math.min(16, 2 * cores + 2));
  }
}
