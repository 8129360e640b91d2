package io.pressroom.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL for the tests, started once per test JVM on a fresh data directory and shared
 * by every test class (each creates its own data, so they do not interfere).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedPostgres postgres;

  @Override
  public synchronized Map<String, String> start() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("The test PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresResource::stopDatabase));
    }
    return Map.of(
        "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "postgres");
  }

  @Override
  public void stop() {
    // The database outlives a single Quarkus start so that test profiles can share it.
  }

  private static synchronized void stopDatabase() {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      // The JVM is exiting; a failed stop leaves only a temporary directory behind.
    }
  }
}
