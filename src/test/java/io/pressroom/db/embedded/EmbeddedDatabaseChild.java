package io.pressroom.db.embedded;

import java.nio.file.Path;

/**
 * Starts the embedded database in a JVM of its own, as the app does, so that a test can kill that
 * JVM with SIGKILL. Prints {@code ready} once the server answers, then waits to be killed.
 */
public final class EmbeddedDatabaseChild {

  private EmbeddedDatabaseChild() {}

  public static void main(String... args) throws InterruptedException {
    EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
