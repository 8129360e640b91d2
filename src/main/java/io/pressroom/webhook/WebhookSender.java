package io.pressroom.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one delivery: checks the target's addresses again (a name can resolve elsewhere since the
 * subscription was saved) and connects to the address it checked, signs, POSTs the event's payload
 * and reads at most a few bytes of the answer, all within one deadline. The request names the
 * target's host (its {@code Host} header, and for https the name the certificate is checked against
 * and sent as SNI), but the connection goes to the checked address: looked up again, a name could
 * answer an allowed address to the check and an internal one to the connection (DNS rebinding).
 * Redirects are not followed: a 3xx is a failed attempt like any other non-2xx, so a target cannot
 * bounce the server to an address the policy would refuse.
 */
final class WebhookSender {

  static final Duration LONGEST_TIMEOUT = Duration.ofSeconds(15);
  static final String USER_AGENT = "Pressroom-Webhooks/1";

  /** Connections at once to one address: more than the dispatcher's attempts at once. */
  private static final int CONNECTIONS_PER_ADDRESS = 64;

  private final TargetPolicy policy;
  private final Duration timeout;
  private final int excerptBytes;
  private final Clock clock;
  private final HttpClient client;

  WebhookSender(Vertx vertx, TargetPolicy policy, Duration timeout, int excerptBytes, Clock clock) {
    this(vertx, policy, timeout, excerptBytes, clock, null);
  }

  /**
   * A sender trusting the certificates {@code trust} names (a test's receiver) instead of the JVM's
   * authorities; null for the JVM's.
   */
  WebhookSender(
      Vertx vertx,
      TargetPolicy policy,
      Duration timeout,
      int excerptBytes,
      Clock clock,
      TrustOptions trust) {
    this.policy = policy;
    this.timeout = boundedTimeout(timeout);
    this.excerptBytes = Math.max(0, excerptBytes);
    this.clock = clock;
    HttpClientOptions options =
        new HttpClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            .setConnectTimeout((int) this.timeout.toMillis())
            // The certificate must name the target's host, whatever address was connected to.
            .setVerifyHost(true)
            .setTrustAll(false)
            // Each attempt connects anew, to the address just checked for it.
            .setKeepAlive(false);
    if (trust != null) {
      options.setTrustOptions(trust);
    }
    this.client =
        vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_ADDRESS));
  }

  /** The configured timeout, at most 15 s (a receiver should answer at once and work later). */
  static Duration boundedTimeout(Duration configured) {
    if (configured == null || configured.isNegative() || configured.isZero()) {
      return LONGEST_TIMEOUT;
    }
    return configured.compareTo(LONGEST_TIMEOUT) > 0 ? LONGEST_TIMEOUT : configured;
  }

  Duration timeout() {
    return timeout;
  }

  /** Closes the client's connections; no attempt may follow. */
  void close() {
    client.close();
  }

  /** What a target answered: its status, the first bytes of its body, its Retry-After. */
  private record Answer(int status, byte[] body, String retryAfter) {}

  Attempt send(Claimed delivery) {
    Instant at = clock.instant();
    long started = System.nanoTime();
    URI target;
    try {
      target = URI.create(delivery.url());
    } catch (IllegalArgumentException e) {
      return failed(at, started, "the URL is not valid");
    }
    Optional<String> badUrl = policy.urlProblem(delivery.url());
    TargetPolicy.Target checked =
        badUrl.isPresent() ? TargetPolicy.Target.refused(badUrl.get()) : policy.target(target);
    if (checked.problem().isPresent()) {
      return failed(at, started, "refused: " + checked.problem().get());
    }
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    CompletableFuture<Answer> answer =
        post(request(target, checked.address().orElseThrow(), delivery, at), delivery, sent);
    try {
      Answer response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      int status = response.status();
      boolean ok = status >= 200 && status < 300;
      return new Attempt(
          at,
          status,
          millisSince(started),
          ok ? null : "the target answered " + status,
          excerpt(response.body()),
          ok ? Optional.empty() : RetrySchedule.retryAfter(response.retryAfter(), clock.instant()));
    } catch (TimeoutException e) {
      giveUp(answer, sent);
      return failed(at, started, timedOut());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return failed(at, started, describe(cause));
    } catch (InterruptedException e) {
      giveUp(answer, sent);
      Thread.currentThread().interrupt();
      return failed(at, started, "interrupted: the server was stopping");
    }
  }

  /** The POST of {@code delivery} to {@code url}'s host, connecting to {@code address}. */
  private static RequestOptions request(
      URI url, InetAddress address, Claimed delivery, Instant at) {
    boolean https = url.getScheme().toLowerCase(Locale.ROOT).equals("https");
    int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setSsl(https)
        .setHost(TargetPolicy.unbracketed(url.getHost()))
        .setPort(port)
        .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
        .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
        .setFollowRedirects(false)
        // Written by hand: from the unbracketed host above (the name TLS checks), Vert.x would
        // write an IPv6 address's Host as "::1:8080", which no server reads as a host.
        .putHeader("Host", url.getHost() + (url.getPort() != -1 ? ":" + url.getPort() : ""))
        .putHeader("Content-Type", "application/json")
        .putHeader("User-Agent", USER_AGENT)
        .putHeader("webhook-id", delivery.messageId())
        .putHeader("webhook-timestamp", Long.toString(at.getEpochSecond()))
        .putHeader(
            "webhook-signature",
            Signatures.header(
                delivery.messageId(),
                at.getEpochSecond(),
                delivery.payload(),
                delivery.secret(),
                delivery.previousSecret()));
  }

  /**
   * Sends the request and keeps the first {@link #excerptBytes} of the answer's body, then resets
   * the request, which closes the connection: a receiver answering with an endless body costs one
   * small buffer and no more time. A connection dropped after the status arrived still leaves an
   * answer: what came is kept.
   */
  private CompletableFuture<Answer> post(
      RequestOptions options, Claimed delivery, AtomicReference<HttpClientRequest> sent) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    Buffer payload = Buffer.buffer(delivery.payload().getBytes(StandardCharsets.UTF_8));
    client
        .request(options)
        .onFailure(answer::completeExceptionally)
        .onSuccess(
            request -> {
              sent.set(request);
              if (answer.isDone()) {
                // The attempt gave up while the connection was being made.
                request.reset();
                return;
              }
              request
                  .send(payload)
                  .onFailure(answer::completeExceptionally)
                  .onSuccess(response -> readCapped(request, response, answer));
            });
    return answer;
  }

  private void readCapped(
      HttpClientRequest request, HttpClientResponse response, CompletableFuture<Answer> answer) {
    Buffer kept = Buffer.buffer();
    String retryAfter = response.getHeader("Retry-After");
    Runnable finish =
        () -> answer.complete(new Answer(response.statusCode(), kept.getBytes(), retryAfter));
    if (excerptBytes == 0) {
      finish.run();
      request.reset();
      return;
    }
    response.handler(
        chunk -> {
          if (answer.isDone()) {
            return;
          }
          kept.appendBuffer(chunk, 0, Math.min(chunk.length(), excerptBytes - kept.length()));
          if (kept.length() >= excerptBytes) {
            finish.run();
            request.reset();
          }
        });
    response.endHandler(end -> finish.run());
    response.exceptionHandler(error -> finish.run());
  }

  /** Stops waiting for an answer: the request, if it was sent, is reset. */
  private static void giveUp(
      CompletableFuture<Answer> answer, AtomicReference<HttpClientRequest> sent) {
    answer.cancel(true);
    HttpClientRequest request = sent.get();
    if (request != null) {
      request.reset();
    }
  }

  private String timedOut() {
    return "no answer within " + timeout.toMillis() + " ms";
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    String kind = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }

  private static Attempt failed(Instant at, long started, String error) {
    return new Attempt(at, null, millisSince(started), error, null, Optional.empty());
  }

  private static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  /** The kept bytes as text; PostgreSQL text cannot hold NUL characters. */
  private static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    return new String(body, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
  }
}
