package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class WorkerThreadsDefaultTest {

  private static final String MAX_THREADS = "quarkus.thread-pool.max-threads";

  @Test
  void fourPerCoreBetweenEightAndQuarkusOwnDefault() {
    assertThat(WorkerThreadsDefault.forCores(0)).isEqualTo(8);
    assertThat(WorkerThreadsDefault.forCores(1)).isEqualTo(8);
    assertThat(WorkerThreadsDefault.forCores(2)).isEqualTo(8);
    assertThat(WorkerThreadsDefault.forCores(4)).isEqualTo(16);
    assertThat(WorkerThreadsDefault.forCores(16)).isEqualTo(64);
    assertThat(WorkerThreadsDefault.forCores(64)).isEqualTo(200);
  }

  @Test
  void isTheSizeWhenNothingElseSetsOne() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(config().getValue(MAX_THREADS, Integer.class))
        .isEqualTo(WorkerThreadsDefault.forCores(cores));
    assertThat(new WorkerThreadsDefault().getPropertyNames()).containsExactly(MAX_THREADS);
  }

  @Test
  void theEnvironmentVariableOverridesIt() {
    SmallRyeConfig config =
        config(new EnvConfigSource(Map.of("QUARKUS_THREAD_POOL_MAX_THREADS", "50"), 300));
    assertThat(config.getValue(MAX_THREADS, Integer.class)).isEqualTo(50);
  }

  private static SmallRyeConfig config(ConfigSource... others) {
    return new SmallRyeConfigBuilder()
        .withSources(new WorkerThreadsDefault())
        .withSources(others)
        .build();
  }
}
