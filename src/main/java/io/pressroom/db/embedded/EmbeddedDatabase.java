package io.pressroom.db.embedded;

import io.pressroom.DevelopmentDefaults;
import io.quarkus.runtime.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL of the default run. Its data lives in {@code PRESSROOM_DATA_DIR} (default
 * {@code ./data}) and survives restarts, crashes included: the server runs with PostgreSQL's stock
 * durability, stops when the JVM is gone, and a start first stops a server left running on the same
 * directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
  private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
  private static final String URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";

  /**
   * The embedded library's defaults are for throw-away test databases ({@code -F}, that is fsync
   * off, and {@code synchronous_commit=off}): a crash then loses acknowledged writes. The default
   * run keeps real data, so it gets PostgreSQL's own defaults back, stated explicitly.
   */
  static final Map<String, String> DURABLE_SETTINGS =
      Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

  /** Where PostgreSQL keeps its own log, relative to the server's data directory. */
  static final String LOG_DIRECTORY = "log";

  /**
   * PostgreSQL's own log: its starts and stops, crash recoveries, a server process that died, a
   * disk that failed, a client that vanished. The embedded library hands each line to this
   * application's log at INFO under {@code io.zonky}, which is silenced (it also logs the library's
   * own chatter), so an operator saw none of them. Kept instead as a packaged PostgreSQL keeps it:
   * in files of the server's data directory ({@value #LOG_DIRECTORY}), one per weekday, each
   * emptied when its day comes round again, so a week of it is kept and no more.
   */
  static final Map<String, String> LOG_SETTINGS =
      Map.of(
          "logging_collector", "on",
          "log_directory", LOG_DIRECTORY,
          "log_filename", "postgresql-%a.log",
          "log_truncate_on_rotation", "on",
          "log_rotation_age", "1d");

  // Crash recovery replays the write-ahead log before the server accepts connections.
  private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

  // Quarkus' stop is bounded by quarkus.shutdown.delay and quarkus.shutdown.timeout (35 s by
  // default); this bound only keeps a stop that never ends from holding the server forever.
  private static final Duration APPLICATION_STOP_WAIT = Duration.ofMinutes(2);

  private final EmbeddedPostgres postgres;
  private final DataDirectoryLock lock;
  private final PostgresWatchdog watchdog;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, DataDirectoryLock lock, PostgresWatchdog watchdog) {
    this.postgres = postgres;
    this.lock = lock;
    this.watchdog = watchdog;
  }

  /**
   * Below the range the kernel hands out as the local ports of outgoing connections (Linux: 32768
   * to 60999): a port in it may be held for a moment by any connection of the machine, the app's
   * own to its database included, and the database could not start there (54,380 was so, once, in
   * CI).
   */
  static final int DEFAULT_PORT = 25432;

  /** Returns the started database, or null when a datasource URL is configured. */
  public static EmbeddedDatabase startUnlessConfigured() {
    if (isSet(System.getProperty(URL_PROPERTY)) || isSet(System.getenv(URL_VARIABLE))) {
      return null;
    }
    Path dataDir = Path.of(setting("PRESSROOM_DATA_DIR", "pressroom.data-dir", "data"));
    int port =
        Integer.parseInt(
            setting("PRESSROOM_DB_PORT", "pressroom.db-port", Integer.toString(DEFAULT_PORT)));
    String sharedBuffers =
        setting(
            "PRESSROOM_DB_SHARED_BUFFERS",
            "pressroom.db-shared-buffers",
            SharedBuffers.forThisMachine());
    EmbeddedDatabase database = start(dataDir, port, sharedBuffers);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(database::closeAfterApplication, "embedded-postgres-stop"));
    System.setProperty(URL_PROPERTY, database.jdbcUrl());
    System.setProperty("quarkus.datasource.username", "postgres");
    System.setProperty("quarkus.datasource.password", "postgres");
    DevelopmentDefaults.of(System::getenv, System::getProperty).forEach(System::setProperty);
    return database;
  }

  /**
   * Starts the server on {@code dataDir/postgres} and the given port: never beside another server
   * of the same directory, never on another server that holds the port.
   */
  static EmbeddedDatabase start(Path dataDir, int port) {
    return start(dataDir, port, SharedBuffers.forThisMachine());
  }

  /** As {@link #start(Path, int)}, with PostgreSQL's {@code shared_buffers} as given. */
  static EmbeddedDatabase start(Path dataDir, int port, String sharedBuffers) {
    Path absoluteDataDir = dataDir.toAbsolutePath().normalize();
    Path pgData = absoluteDataDir.resolve("postgres");
    DataDirectoryLock lock = DataDirectoryLock.acquire(absoluteDataDir);
    try {
      OrphanedPostmaster.stopIfRunning(pgData);
      requireFreePort(port, pgData);
      EmbeddedPostgres postgres = startPostgres(pgData, port, sharedBuffers);
      EmbeddedDatabase database =
          new EmbeddedDatabase(postgres, lock, PostgresWatchdog.start(pgData));
      database.requireServerOf(pgData);
      LOG.infof(
          "Embedded PostgreSQL started on port %d with data in %s (its own log in %s)",
          port, absoluteDataDir, pgData.resolve(LOG_DIRECTORY));
      return database;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** A connection as the superuser, for checks. */
  Connection connect() throws SQLException {
    return postgres.getPostgresDatabase().getConnection();
  }

  /**
   * The JVM runs every shutdown hook at once. Quarkus' own hook stops the application gracefully
   * (readiness down, a delay, then in-flight requests finish), and those requests still need the
   * database: the server stops only once the application has.
   */
  private void closeAfterApplication() {
    Application application = Application.currentApplication();
    if (application != null) {
      Thread waiter = new Thread(application::awaitShutdown, "embedded-postgres-await-stop");
      waiter.setDaemon(true);
      waiter.start();
      try {
        waiter.join(APPLICATION_STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    close();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        postgres.close();
        LOG.info("Embedded PostgreSQL stopped");
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
      } finally {
        watchdog.close();
        lock.close();
      }
    }
  }

  private static EmbeddedPostgres startPostgres(Path pgData, int port, String sharedBuffers) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(STARTUP_WAIT)
            // The library's own hook would stop the server at the first moment of the JVM's
            // shutdown, under the requests a graceful stop still answers: closeAfterApplication
            // stops it once the application has stopped (and the watchdog if the JVM dies).
            .setRegisterShutdownHook(false);
    DURABLE_SETTINGS.forEach(builder::setServerConfig);
    LOG_SETTINGS.forEach(builder::setServerConfig);
    builder.setServerConfig("shared_buffers", sharedBuffers);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL on " + pgData, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "No datasource URL is set and the embedded PostgreSQL could not start (production"
              + " builds leave its binaries out): set QUARKUS_DATASOURCE_JDBC_URL",
          e);
    }
  }

  private static void requireFreePort(int port, Path pgData) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IllegalStateException(portTaken(port, pgData), e);
    }
  }

  /** The library waits for any server to answer on the port: make sure it is this one. */
  private void requireServerOf(Path pgData) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW data_directory")) {
      result.next();
      if (!Files.isSameFile(Path.of(result.getString(1)), pgData)) {
        throw new IllegalStateException(portTaken(postgres.getPort(), pgData));
      }
    } catch (SQLException | IOException e) {
      close();
      throw new IllegalStateException(
          "The embedded PostgreSQL on " + pgData + " did not answer", e);
    } catch (IllegalStateException e) {
      close();
      throw e;
    }
  }

  private static String portTaken(int port, Path pgData) {
    return "Port "
        + port
        + " is in use by another program, so the embedded PostgreSQL of "
        + pgData
        + " cannot start there: stop that program or choose another port with PRESSROOM_DB_PORT";
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
