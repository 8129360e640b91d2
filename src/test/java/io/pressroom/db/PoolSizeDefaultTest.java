package io.pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolSizeDefaultTest {

  @Test
  void twiceTheCoresAndTwoMore() {
    assertThat(PoolSizeDefault.forCores(1)).isEqualTo(4);
    assertThat(PoolSizeDefault.forCores(2)).isEqualTo(6);
    assertThat(PoolSizeDefault.forCores(4)).isEqualTo(10);
  }

  @Test
  void neverMoreThanTheSixteenItWasBefore() {
    assertThat(PoolSizeDefault.forCores(7)).isEqualTo(16);
    assertThat(PoolSizeDefault.forCores(64)).isEqualTo(16);
  }

  @Test
  void aMachineReportingNoCoresStillGetsAPool() {
    assertThat(PoolSizeDefault.forCores(0)).isEqualTo(4);
  }

  @Test
  void givesOnlyThePoolSizeAndBelowEverySourceAPersonWrites() {
    PoolSizeDefault source = new PoolSizeDefault();
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(source.getValue("quarkus.datasource.jdbc.max-size"))
        .isEqualTo(String.valueOf(PoolSizeDefault.forCores(cores)));
    assertThat(source.getValue("quarkus.datasource.jdbc.min-size")).isNull();
    assertThat(source.getPropertyNames()).containsExactly("quarkus.datasource.jdbc.max-size");
    // application.properties is 250, environment variables 300, system properties 400.
    assertThat(source.getOrdinal()).isLessThan(250);
  }
}
