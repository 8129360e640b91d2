package io.pressroom.db.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The databases the app and its scripts start listen below the ports the system gives outgoing
 * connections: a connection of the machine may hold any of those for a moment, and a database
 * started then fails to bind (CI's crash test did, on 54380).
 */
class EphemeralPortsTest {

  /** The range the kernel says it uses, else Linux's default. */
  private static int[] ephemeralRange() throws IOException {
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    if (!Files.isReadable(range)) {
      return new int[] {32768, 60999};
    }
    // Read by lines: /proc reports a size of 0, which whole-file reads may take at its word.
    String[] bounds = Files.readAllLines(range).get(0).trim().split("\\s+");
    return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
  }

  /**
   * Within this machine's range or Linux's default one: a port is judged against where any machine
   * may hand it out, not only this one.
   */
  private static boolean ephemeral(int port, int[] range) {
    return port >= Math.min(range[0], 32768) && port <= Math.max(range[1], 60999);
  }

  @Test
  void theEmbeddedDatabasesDefaultPortIsNoOutgoingConnectionsPort() throws IOException {
    assertThat(ephemeral(EmbeddedDatabase.DEFAULT_PORT, ephemeralRange())).isFalse();
  }

  @Test
  void theDatabasesOfCiAndTheBenchmarkStartOnNoOutgoingConnectionsPort() throws IOException {
    Pattern databasePort = Pattern.compile("[A-Z]*DB_PORT:-(\\d+)");
    List<String> defaults = new ArrayList<>();
    for (String script :
        List.of(".ci/crash-test", ".ci/graceful-stop-test", ".ci/client-check", "bench/run")) {
      Matcher found = databasePort.matcher(Files.readString(Path.of(script)));
      while (found.find()) {
        defaults.add(script + " " + found.group(1));
      }
    }
    assertThat(defaults).hasSize(4);
    int[] range = ephemeralRange();
    assertThat(defaults)
        .allSatisfy(
            entry ->
                assertThat(ephemeral(Integer.parseInt(entry.split(" ")[1]), range))
                    .as(entry)
                    .isFalse());
  }
}
