package io.pressroom.db.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database of the default run, started as the app starts it, on a fresh directory. */
class EmbeddedDatabaseTest {

  @TempDir Path dataDir;

  /** Whatever a failed test left running on its directory goes with it. */
  @AfterEach
  void stopWhatIsLeft() {
    OrphanedPostmaster.stopIfRunning(pgData());
  }

  @Test
  void runsAsDurablyAsAStockPostgresql() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, freePort())) {
      assertThat(show(database, "fsync")).isEqualTo("on");
      assertThat(show(database, "synchronous_commit")).isEqualTo("on");
      assertThat(show(database, "full_page_writes")).isEqualTo("on");
    }
  }

  @Test
  void sizesItsCacheOfPagesForTheMachineOrAsAsked() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, freePort())) {
      assertThat(show(database, "shared_buffers"))
          .isEqualTo(pretty(SharedBuffers.forThisMachine()));
    }
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, freePort(), "160MB")) {
      assertThat(show(database, "shared_buffers")).isEqualTo("160MB");
    }
  }

  /** How PostgreSQL shows a size in MB: in GB when it is a whole number of them. */
  private static String pretty(String megabytes) {
    long mb = Long.parseLong(megabytes.replace("MB", ""));
    return mb % 1024 == 0 ? mb / 1024 + "GB" : megabytes;
  }

  @Test
  void keepsPostgresqlsOwnLogInTheDataDirectory() throws Exception {
    int port = freePort();
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, port)) {
      assertThatThrownBy(
              () ->
                  DriverManager.getConnection(
                          "jdbc:postgresql://127.0.0.1:" + port + "/absent", "postgres", "postgres")
                      .close())
          .isInstanceOf(SQLException.class);
      // The collector writes a moment after the server: it is read until both lines are in.
      String log = "";
      for (int attempt = 0; attempt < 100 && !log.contains("\"absent\""); attempt++) {
        Thread.sleep(100);
        log = logText(pgData().resolve(EmbeddedDatabase.LOG_DIRECTORY));
      }
      assertThat(log)
          .contains("database system is ready to accept connections")
          .contains("FATAL:  database \"absent\" does not exist");
      assertThat(show(database, "log_filename")).isEqualTo("postgresql-%a.log");
    }
  }

  @Test
  void aStartStopsTheServerLeftRunningOnTheDirectoryAndComesUpOnTheSameData() throws Exception {
    int port = freePort();
    Path postgresBinary;
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, port)) {
      execute(database, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before')");
      postgresBinary = Path.of(postmaster().info().command().orElseThrow());
    }
    // An app killed with SIGKILL (and its watchdog with it) leaves its server running like this.
    long orphan = startServerDirectly(postgresBinary, port);
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, port)) {
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
          .isNotEqualTo(java.util.Optional.of(true));
      assertThat(postmaster().pid()).isNotEqualTo(orphan);
      assertThat(query(database, "SELECT note FROM kept")).isEqualTo("before");
      assertThat(show(database, "fsync")).isEqualTo("on");
    }
  }

  @Test
  void killingTheJvmStopsItsServerAndTheNextStartFindsTheData() throws Exception {
    int port = freePort();
    Process app = startInChildJvm(port);
    try {
      long postmaster = postmaster().pid();
      try (Connection connection = connectDirectly(port);
          Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('acknowledged')");
      }
      app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL

      assertThat(waitForExit(postmaster, Duration.ofSeconds(30)))
          .as("the server of a JVM killed with SIGKILL stops")
          .isTrue();
      try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, port)) {
        assertThat(query(database, "SELECT note FROM kept")).isEqualTo("acknowledged");
      }
    } finally {
      app.destroyForcibly();
    }
  }

  @Test
  void aPortHeldByAnotherProgramIsAClearFailureNotAnotherServer() throws Exception {
    try (ServerSocket other = new ServerSocket()) {
      other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = other.getLocalPort();
      assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, port))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Port " + port + " is in use by another program")
          .hasMessageContaining("PRESSROOM_DB_PORT");
    }
  }

  @Test
  void aSecondAppOnTheSameDirectoryIsRefused() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, freePort())) {
      assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, freePort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Another Pressroom is running with its data in");
      assertThat(show(database, "fsync")).isEqualTo("on");
    }
  }

  private Process startInChildJvm(int port) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(),
                dataDir.toString(),
                Integer.toString(port))
            .redirectErrorStream(true)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<List<String>> ready =
        CompletableFuture.supplyAsync(
            () -> {
              List<String> lines = new ArrayList<>();
              try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                  lines.add(line);
                  if (line.equals("ready")) {
                    return lines;
                  }
                }
              } catch (IOException e) {
                lines.add(e.toString());
              }
              throw new IllegalStateException("the child JVM did not start: " + lines);
            });
    try {
      ready.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      child.destroyForcibly();
      throw new IllegalStateException("the child JVM did not start", e);
    }
    // Keep draining its output so that it never blocks on a full pipe.
    CompletableFuture.runAsync(() -> output.lines().forEach(line -> {}));
    return child;
  }

  private long startServerDirectly(Path postgresBinary, int port)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            postgresBinary.resolveSibling("pg_ctl").toString(),
            "start",
            "-w",
            "-D",
            pgData().toString(),
            "-l",
            dataDir.resolve("orphan.log").toString(),
            "-o",
            "-p " + port));
    Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(pgCtl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(pgCtl.waitFor()).as(output).isZero();
    return postmaster().pid();
  }

  private ProcessHandle postmaster() throws IOException {
    long pid = Long.parseLong(Files.readAllLines(pgData().resolve("postmaster.pid")).get(0).trim());
    return ProcessHandle.of(pid).orElseThrow();
  }

  private Path pgData() {
    return dataDir.toAbsolutePath().resolve("postgres");
  }

  private static boolean waitForExit(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static Connection connectDirectly(int port) throws SQLException {
    return java.sql.DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
  }

  /** Every file of PostgreSQL's log directory, one after the other; empty while there is none. */
  private static String logText(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        text.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return text.toString();
  }

  private static String show(EmbeddedDatabase database, String setting) throws SQLException {
    return query(database, "SHOW " + setting);
  }

  private static String query(EmbeddedDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
