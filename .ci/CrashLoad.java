import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load and the count of .ci/crash-test (plain JDK, no dependencies).
 *
 * <pre>
 * java CrashLoad write BASE SLUG WRITERS ROUND IDS_FILE SIGNED_UP_FILE STOP_FILE
 *   signs up WRITERS readers, touches SIGNED_UP_FILE, then comments on SLUG from every reader
 *   until STOP_FILE exists, appending the id of each comment answered 201 to IDS_FILE at once.
 * java CrashLoad check BASE IDS_FILE
 *   prints how many of the ids in IDS_FILE do not answer GET /api/v1/comments/{id} with 200.
 * </pre>
 */
public class CrashLoad {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TRAILING_ID = Pattern.compile("/api/v1/comments/(\\d+)$");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  // Sign-up hashes the password with bcrypt, slow on purpose, and the app has just started.
  private static final Duration SIGN_UP_TIMEOUT = Duration.ofSeconds(60);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public static void main(String... args) throws Exception {
    switch (args[0]) {
      case "write" ->
          write(
              args[1],
              args[2],
              Integer.parseInt(args[3]),
              args[4],
              Path.of(args[5]),
              Path.of(args[6]),
              Path.of(args[7]));
      case "check" -> check(args[1], Path.of(args[2]));
      default -> throw new IllegalArgumentException("write or check");
    }
  }

  private static void write(
      String base, String slug, int writers, String round, Path ids, Path signedUp, Path stop)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch ready = new CountDownLatch(writers);
    AtomicInteger failures = new AtomicInteger();
    try (PrintWriter out =
        new PrintWriter(
            Files.newBufferedWriter(
                ids,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND),
            true)) {
      List<Future<?>> running = new ArrayList<>();
      for (int n = 1; n <= writers; n++) {
        int writer = n;
        running.add(
            pool.submit(
                () -> {
                  String token = null;
                  try {
                    token = signUp(base, round, writer);
                  } finally {
                    ready.countDown();
                  }
                  if (token == null) {
                    failures.incrementAndGet();
                    return null;
                  }
                  for (int i = 1; !Files.exists(stop); i++) {
                    String id = comment(base, slug, token, round, writer, i);
                    if (id != null) {
                      synchronized (out) {
                        out.println(id); // autoflush: on disk as soon as it is acknowledged
                      }
                    }
                  }
                  return null;
                }));
      }
      ready.await(120, TimeUnit.SECONDS);
      if (failures.get() == writers) {
        throw new IllegalStateException("no writer could sign up");
      }
      Files.writeString(signedUp, failures.get() + " sign-ups failed\n");
      for (Future<?> writer : running) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String signUp(String base, String round, int writer) {
    String handle = "crash-" + round + "-" + writer + "-" + System.nanoTime() % 100000;
    String body =
        "{\"email\":\""
            + handle
            + "@example.com\",\"password\":\"crash test password\",\"handle\":\""
            + handle
            + "\",\"name\":\"Writer "
            + writer
            + "\"}";
    try {
      HttpResponse<String> response =
          post(base + "/api/v1/accounts", body, null, SIGN_UP_TIMEOUT);
      Matcher token = ACCESS_TOKEN.matcher(response.body());
      if (response.statusCode() == 201 && token.find()) {
        return token.group(1);
      }
      System.err.println("sign-up answered " + response.statusCode() + ": " + response.body());
    } catch (IOException e) {
      System.err.println("sign-up failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /** The id of the new comment when it was answered 201, else null. */
  private static String comment(
      String base, String slug, String token, String round, int writer, int i) {
    String body =
        "{\"body\":\"Crash round " + round + ", writer " + writer + ", comment " + i + "\"}";
    try {
      HttpResponse<String> response =
          post(base + "/api/v1/articles/" + slug + "/comments", body, token, TIMEOUT);
      if (response.statusCode() != 201) {
        return null;
      }
      Matcher id =
          TRAILING_ID.matcher(response.headers().firstValue("Location").orElse(""));
      return id.find() ? id.group(1) : null;
    } catch (IOException e) {
      return null; // the app is being killed: not acknowledged
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static HttpResponse<String> post(
      String url, String json, String token, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void check(String base, Path ids) throws Exception {
    List<String> all = Files.readAllLines(ids).stream().filter(s -> !s.isBlank()).distinct().toList();
    ConcurrentLinkedQueue<String> missing = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> checks = new ArrayList<>();
    for (String id : all) {
      checks.add(
          pool.submit(
              () -> {
                HttpRequest request =
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/comments/" + id))
                        .timeout(TIMEOUT)
                        .build();
                int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                  missing.add(id + " answered " + status);
                }
                return null;
              }));
    }
    for (Future<?> check : checks) {
      check.get();
    }
    pool.shutdown();
    missing.stream().sorted().limit(5).forEach(System.err::println);
    System.out.println(missing.size());
  }
}
