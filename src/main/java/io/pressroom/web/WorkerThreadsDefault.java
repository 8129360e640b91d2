package io.pressroom.web;

import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * How many worker threads run requests at once when nobody sets {@code
 * quarkus.thread-pool.max-threads}: four per core this instance sees, at least {@value #LEAST}, at
 * most Quarkus's own default of {@value #MOST}. The others wait in the pool's queue in the order
 * they came. Requests here are short and mostly CPU (the database pool, {@code PoolSizeDefault},
 * has 2 connections per core and two more): with Quarkus's 200 threads, 64 writers at once on 2
 * cores all took turns on the cores, each sliced among all the others, and the unluckiest waited
 * through many rounds (p99 3 times the median). With 8 threads a request runs nearly as fast as
 * alone once it starts and the wait is shared fairly: p99 about half as long at the same rate
 * (README, "Worker threads"). Anonymous answers kept in memory never need a worker thread.
 *
 * <p>Its ordinal sits below every source a person writes, as {@code PoolSizeDefault}'s, so {@code
 * QUARKUS_THREAD_POOL_MAX_THREADS} or application.properties override it.
 */
public final class WorkerThreadsDefault implements ConfigSource {

  static final String KEY = "quarkus.thread-pool.max-threads";

  static final int LEAST = 8;

  static final int MOST = 200;

  private static final int ORDINAL = 150;

  private final String threads =
      String.valueOf(forCores(Runtime.getRuntime().availableProcessors()));

  /** The worker threads of an instance that sees {@code cores} cores. */
  static int forCores(int cores) {
    return Math.min(MOST, Math.max(LEAST, 4 * cores));
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(KEY);
  }

  @Override
  public String getValue(String propertyName) {
    return KEY.equals(propertyName) ? threads : null;
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }

  @Override
  public String getName() {
    return "pressroom-worker-threads-default";
  }
}
