package io.pressroom.webhook;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on localhost, as a subscriber would write one: every request is checked with
 * the Standard Webhooks reference library against each secret the test gave for its path, and how
 * it answers is up to the test (per path). It also notices a message received while the same
 * message is still being received (sent twice at once).
 */
final class Receiver implements AutoCloseable {

  /** What came in, and whether the signature verified with each secret of the path. */
  record Received(
      String path,
      String webhookId,
      String timestamp,
      String signature,
      String userAgent,
      String contentType,
      String body,
      List<Boolean> verified,
      String host) {}

  /** How a path answers: a status, after an optional pause, with optional headers and body. */
  record Answer(int status, long pauseMillis, Map<String, String> headers, String body) {
    static Answer status(int status) {
      return new Answer(status, 0, Map.of(), "");
    }
  }

  /** Chooses the answer to the n-th request (from 1) on a path. */
  interface Behaviour {
    Answer answer(int nth);
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> sentTwiceAtOnce = new ConcurrentHashMap<>();
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(32);

  Receiver() throws IOException {
    this(InetAddress.getLoopbackAddress());
  }

  /** A receiver listening on {@code address}, on a port of its own. */
  Receiver(InetAddress address) throws IOException {
    server = HttpServer.create(new InetSocketAddress(address, 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** A URL on this receiver answering as {@code behaviour}, verified with {@code secrets}. */
  String path(String path, Behaviour behaviour, String... pathSecrets) {
    behaviours.put(path, behaviour);
    secrets.put(path, List.of(pathSecrets));
    return "http://127.0.0.1:" + port() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Received> on(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** How often a message came in on {@code path} while the same one was still being received. */
  int sentTwiceAtOnce(String path) {
    AtomicInteger count = sentTwiceAtOnce.get(path);
    return count == null ? 0 : count.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    boolean first = id == null || inFlight.add(path + " " + id);
    if (!first) {
      sentTwiceAtOnce.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }
    try {
      List<Boolean> verified =
          secrets.getOrDefault(path, List.of()).stream()
              .map(secret -> verifies(secret, body, exchange))
              .toList();
      received.add(
          new Received(
              path,
              id,
              exchange.getRequestHeaders().getFirst("webhook-timestamp"),
              exchange.getRequestHeaders().getFirst("webhook-signature"),
              exchange.getRequestHeaders().getFirst("User-Agent"),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body,
              verified,
              exchange.getRequestHeaders().getFirst("Host")));
      int nth = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      Answer answer = behaviours.getOrDefault(path, n -> Answer.status(404)).answer(nth);
      if (answer.pauseMillis() > 0) {
        Thread.sleep(answer.pauseMillis());
      }
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The sender gave up (timeout) or dropped the connection after enough of the body.
    } finally {
      if (first && id != null) {
        inFlight.remove(path + " " + id);
      }
      exchange.close();
    }
  }

  private static boolean verifies(String secret, String body, HttpExchange exchange) {
    try {
      new Webhook(secret).verify(body, exchange.getRequestHeaders());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
