package io.pressroom.db.embedded;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL server still running on the embedded data directory although the app that started it
 * is gone (the JVM was killed with SIGKILL, or crashed). The next start stops it, so that the app
 * always comes up on its own server with the same data, never beside a second one.
 */
final class OrphanedPostmaster {

  private static final Logger LOG = Logger.getLogger(OrphanedPostmaster.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration UNKNOWN_PROCESS_WAIT = Duration.ofSeconds(15);
  // postmaster.pid holds the start time in whole seconds; the process table is more precise.
  private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(10);

  private final ProcessHandle process;
  private final Path dataDirectory;

  private OrphanedPostmaster(ProcessHandle process, Path dataDirectory) {
    this.process = process;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Stops the server that still runs on the directory, if any, and returns once it is gone. A
   * process that the directory's {@code postmaster.pid} names but that cannot be recognised (a
   * server just killed and not yet reaped looks like this) gets a few seconds to disappear;
   * PostgreSQL would refuse to start beside it.
   */
  static void stopIfRunning(Path dataDirectory) {
    Optional<OrphanedPostmaster> orphan = find(dataDirectory);
    if (orphan.isPresent()) {
      orphan.get().stop();
      return;
    }
    Optional<ProcessHandle> named = namedProcess(dataDirectory);
    if (named.isPresent()) {
      try {
        named.get().onExit().get(UNKNOWN_PROCESS_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        throw new IllegalStateException(
            dataDirectory.resolve("postmaster.pid")
                + " names the running process "
                + named.get().pid()
                + ", which is not a PostgreSQL server of this directory: if no server runs on"
                + " it, remove that file and start again",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for a process to end", e);
      }
    }
  }

  /**
   * The postmaster that the directory's {@code postmaster.pid} names, when that process is alive
   * and is the PostgreSQL server started on this directory (not another process that reused the
   * number of a stale file).
   */
  private static Optional<OrphanedPostmaster> find(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + pidFile, e);
    }
    if (lines.size() < 3 || !sameDirectory(lines.get(1), dataDirectory)) {
      return Optional.empty();
    }
    long pid;
    Instant startedAt;
    try {
      pid = Long.parseLong(lines.get(0).trim());
      startedAt = Instant.ofEpochSecond(Long.parseLong(lines.get(2).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(process -> isPostgresStartedAt(process, startedAt))
        .map(process -> new OrphanedPostmaster(process, dataDirectory));
  }

  private static Optional<ProcessHandle> namedProcess(Path dataDirectory) {
    try {
      List<String> lines =
          Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      return lines.isEmpty()
          ? Optional.empty()
          : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // no file, or one PostgreSQL will find stale itself
    }
  }

  /** Stops the server with a fast shutdown (a clean checkpoint) and waits until it is gone. */
  private void stop() {
    LOG.warnf(
        "An embedded PostgreSQL (pid %d) is still running on %s, left by an app that did not stop"
            + " it; shutting it down before starting again",
        process.pid(), dataDirectory);
    Optional<Path> pgCtl = pgCtlBeside(process);
    if (pgCtl.isPresent()) {
      runPgCtlStop(pgCtl.get());
    } else {
      process.destroy(); // SIGTERM: a smart shutdown, also clean
    }
    try {
      process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException(notStopped(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(notStopped(), e);
    }
    LOG.infof("The orphaned PostgreSQL (pid %d) has stopped", process.pid());
  }

  private void runPgCtlStop(Path pgCtl) {
    List<String> command = new ArrayList<>();
    // Like the embedded library: PostgreSQL refuses to run as root outside a user namespace.
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            pgCtl.toString(),
            "stop",
            "-D",
            dataDirectory.toString(),
            "-m",
            "fast",
            "-w",
            "-t",
            Long.toString(STOP_TIMEOUT.toSeconds())));
    try {
      Process pgCtlProcess = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output =
          new String(pgCtlProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exitCode = pgCtlProcess.waitFor();
      if (exitCode != 0) {
        LOG.warnf("pg_ctl stop answered %d: %s", exitCode, output.strip());
      }
    } catch (IOException e) {
      LOG.warn("pg_ctl could not run; asking PostgreSQL to stop with SIGTERM", e);
      process.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(notStopped(), e);
    }
  }

  private String notStopped() {
    return "The PostgreSQL (pid "
        + process.pid()
        + ") left running on "
        + dataDirectory
        + " did not stop within "
        + STOP_TIMEOUT.toSeconds()
        + " s; stop it, then start the app again";
  }

  private static boolean sameDirectory(String recorded, Path dataDirectory) {
    try {
      return Files.isSameFile(Path.of(recorded.trim()), dataDirectory);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean isPostgresStartedAt(ProcessHandle process, Instant startedAt) {
    ProcessHandle.Info info = process.info();
    boolean postgres =
        info.command()
            .map(command -> Path.of(command).getFileName().toString())
            .filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
            .isPresent();
    boolean sameStart =
        info.startInstant()
            .map(
                start ->
                    Duration.between(start, startedAt).abs().compareTo(START_TIME_TOLERANCE) <= 0)
            .orElse(true);
    return postgres && sameStart;
  }

  private static Optional<Path> pgCtlBeside(ProcessHandle process) {
    return process
        .info()
        .command()
        .map(command -> Path.of(command).resolveSibling(pgCtlName(command)))
        .filter(Files::isExecutable);
  }

  private static String pgCtlName(String postgresCommand) {
    return postgresCommand.endsWith(".exe") ? "pg_ctl.exe" : "pg_ctl";
  }
}
