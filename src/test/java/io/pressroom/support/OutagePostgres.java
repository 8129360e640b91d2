package io.pressroom.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL that a test stops and starts again under the running app, on the same port and the
 * same data, as an operator's restart or a crash and recovery would.
 */
public final class OutagePostgres {

  private final Path dataDirectory;
  private EmbeddedPostgres postgres;
  private int port;

  public OutagePostgres() {
    try {
      Files.createDirectories(Path.of("target"));
      dataDirectory = Files.createTempDirectory(Path.of("target"), "outage-postgres-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "outage-postgres-stop"));
  }

  /** Starts the server (on the port of its first start, if it ran before); a no-op if running. */
  public synchronized void start() {
    if (postgres != null) {
      return;
    }
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    if (port != 0) {
      builder.setPort(port);
    }
    try {
      postgres = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("The outage test's PostgreSQL did not start", e);
    }
    port = postgres.getPort();
  }

  /** Stops the server as an operator would (fast shutdown: sessions are ended). */
  public synchronized void stop() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("The outage test's PostgreSQL did not stop", e);
    } finally {
      postgres = null;
    }
  }

  public synchronized String jdbcUrl() {
    start();
    return postgres.getJdbcUrl("postgres", "postgres");
  }
}
