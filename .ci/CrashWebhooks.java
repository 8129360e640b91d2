import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The webhook part of .ci/crash-test: events committed, the app and its database killed while it
 * is sending them, then restarted: every committed event must reach the receiver, signed, and no
 * rolled-back one. Needs the PostgreSQL driver and the Standard Webhooks library of the packaged
 * app on the class path.
 *
 * <pre>
 * java CrashWebhooks receive PORT SECRET DIR
 *   a receiver on 127.0.0.1:PORT. Until DIR/answer exists it holds every request without
 *   answering (the app is killed while sending); after that it verifies each signature with the
 *   Standard Webhooks library and answers 204, appending the webhook-id to DIR/received.txt (or to
 *   DIR/unverified.txt). DIR/first-request appears with the first request.
 * java CrashWebhooks write JDBC_URL TARGET_URL SECRET COUNT IDS_FILE ROLLED_BACK_FILE
 *   a subscription to TARGET_URL, then COUNT events each committed on its own (ids appended to
 *   IDS_FILE after the commit) and one rolled back (its id in ROLLED_BACK_FILE).
 * java CrashWebhooks check DIR IDS_FILE ROLLED_BACK_FILE
 *   prints how many committed events have not been received; fails on a rolled-back event
 *   received or a signature that did not verify.
 * </pre>
 */
public class CrashWebhooks {

  public static void main(String... args) throws Exception {
    switch (args[0]) {
      case "receive" -> receive(Integer.parseInt(args[1]), args[2], Path.of(args[3]));
      case "write" ->
          write(args[1], args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]), Path.of(args[6]));
      case "check" -> check(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
      default -> throw new IllegalArgumentException("receive, write or check");
    }
  }

  private static void receive(int port, String secret, Path dir) throws IOException {
    Webhook webhook;
    try {
      webhook = new Webhook(secret);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a webhook secret", e);
    }
    Path answer = dir.resolve("answer");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.createContext(
        "/",
        exchange -> {
          try {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            touch(dir.resolve("first-request"));
            if (!Files.exists(answer)) {
              // Sent before the crash: held until the sender is dead, then never counted.
              for (int i = 0; i < 1200 && !Files.exists(answer); i++) {
                Thread.sleep(100);
              }
              exchange.sendResponseHeaders(503, -1);
              return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            try {
              webhook.verify(body, exchange.getRequestHeaders());
              append(dir.resolve("received.txt"), id);
              exchange.sendResponseHeaders(204, -1);
            } catch (Exception e) {
              append(dir.resolve("unverified.txt"), id);
              exchange.sendResponseHeaders(401, -1);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException e) {
            // The sender is gone.
          } finally {
            exchange.close();
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.start();
  }

  private static void write(
      String jdbcUrl, String target, String secret, int count, Path ids, Path rolledBack)
      throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
      try (PreparedStatement statement =
          connection.prepareStatement(
              "insert into webhook_subscriptions (url, events, secret)"
                  + " values (?, '{crash.test}', ?)")) {
        statement.setString(1, target);
        statement.setString(2, secret);
        statement.executeUpdate();
      }
      connection.setAutoCommit(false);
      for (int i = 0; i <= count; i++) {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        try (PreparedStatement statement =
            connection.prepareStatement(
                "insert into webhook_events (message_id, type, occurred_at, payload)"
                    + " values (?, 'crash.test', now(), ?)")) {
          statement.setString(1, id);
          statement.setString(2, "{\"id\":\"" + id + "\",\"type\":\"crash.test\",\"data\":{}}");
          statement.executeUpdate();
        }
        if (i == count / 2) {
          connection.rollback();
          append(rolledBack, id);
        } else {
          connection.commit();
          append(ids, id);
        }
      }
    }
  }

  private static void check(Path dir, Path ids, Path rolledBack) throws IOException {
    Set<String> received = new HashSet<>(lines(dir.resolve("received.txt")));
    List<String> unverified = lines(dir.resolve("unverified.txt"));
    if (!unverified.isEmpty()) {
      throw new IllegalStateException("signatures that did not verify: " + unverified);
    }
    for (String id : lines(rolledBack)) {
      if (received.contains(id)) {
        throw new IllegalStateException("a rolled-back event was delivered: " + id);
      }
    }
    System.out.println(lines(ids).stream().filter(id -> !received.contains(id)).count());
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file)
        ? Files.readAllLines(file).stream().filter(s -> !s.isBlank()).toList()
        : List.of();
  }

  private static synchronized void append(Path file, String line) throws IOException {
    Files.writeString(
        file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void touch(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.writeString(file, "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }
}
