package io.pressroom.db.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Ties the embedded server to this JVM's life. PostgreSQL runs detached (pg_ctl starts it in its
 * own session), so a JVM killed with SIGKILL would leave it running. A small shell reads its
 * standard input from a pipe that only this JVM writes to; the kernel closes the pipe when the JVM
 * ends, however it ends, and the shell then asks the postmaster for a fast shutdown (SIGINT), if
 * postmaster.pid still names the same server. Without a POSIX shell (Windows) there is no watchdog,
 * and the next start stops the orphan instead ({@link OrphanedPostmaster}).
 */
final class PostgresWatchdog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PostgresWatchdog.class);
  private static final String SHELL = "/bin/sh";
  // $1: the data directory, $2: the postmaster's pid. Signals from a terminal are ignored: the
  // JVM's own shutdown stops the server, and the watchdog only acts once the JVM is gone.
  private static final String SCRIPT =
      "trap '' INT TERM HUP; cat >/dev/null;"
          + " if [ \"$(head -n 1 \"$1/postmaster.pid\" 2>/dev/null)\" = \"$2\" ];"
          + " then kill -INT \"$2\"; fi";

  private final Process process;

  private PostgresWatchdog(Process process) {
    this.process = process;
  }

  static PostgresWatchdog start(Path pgData) {
    if (!new File(SHELL).canExecute()) {
      return new PostgresWatchdog(null);
    }
    try {
      String pid =
          Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8)
              .get(0)
              .trim();
      Process process =
          new ProcessBuilder(
                  SHELL, "-c", SCRIPT, "pressroom-postgres-watchdog", pgData.toString(), pid)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return new PostgresWatchdog(process);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "No watchdog for the embedded PostgreSQL: if the JVM is killed, the next start"
              + " stops the server it leaves running",
          e);
      return new PostgresWatchdog(null);
    }
  }

  /** Lets the watchdog go, as the end of the JVM would. */
  @Override
  public void close() {
    if (process != null) {
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        process.destroy();
      }
    }
  }
}
