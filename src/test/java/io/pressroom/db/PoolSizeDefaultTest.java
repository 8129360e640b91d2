package io.pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class PoolSizeDefaultTest {

  private static final String MAX_SIZE = "quarkus.datasource.jdbc.max-size";

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
  void givesOnlyThePoolSize() {
    PoolSizeDefault source = new PoolSizeDefault();
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(source.getValue(MAX_SIZE))
        .isEqualTo(String.valueOf(PoolSizeDefault.forCores(cores)));
    assertThat(source.getValue("quarkus.datasource.jdbc.min-size")).isNull();
    assertThat(source.getPropertyNames()).containsExactly(MAX_SIZE);
  }

  @Test
  void isTheSizeWhenNothingElseSetsOne() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(config().getValue(MAX_SIZE, Integer.class))
        .isEqualTo(PoolSizeDefault.forCores(cores));
  }

  @Test
  void applicationPropertiesOverrideIt() {
    SmallRyeConfig config =
        config(new PropertiesConfigSource(Map.of(MAX_SIZE, "9"), "application.properties", 250));
    assertThat(config.getValue(MAX_SIZE, Integer.class)).isEqualTo(9);
  }

  @Test
  void theEnvironmentVariableOverridesIt() {
    SmallRyeConfig config =
        config(new EnvConfigSource(Map.of("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "11"), 300));
    assertThat(config.getValue(MAX_SIZE, Integer.class)).isEqualTo(11);
  }

  private static SmallRyeConfig config(ConfigSource... others) {
    return new SmallRyeConfigBuilder()
        .withSources(new PoolSizeDefault())
        .withSources(others)
        .build();
  }
}
