package io.pressroom.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one delivery: checks the target's addresses again (a name can resolve elsewhere since the
 * subscription was saved), signs, POSTs the event's payload and reads at most a few bytes of the
 * answer, all within one deadline. Redirects are not followed: a 3xx is a failed attempt like any
 * other non-2xx, so a target cannot bounce the server to an address the policy would refuse.
 */
final class WebhookSender {

  static final Duration LONGEST_TIMEOUT = Duration.ofSeconds(15);
  static final String USER_AGENT = "Pressroom-Webhooks/1";

  private final TargetPolicy policy;
  private final Duration timeout;
  private final int excerptBytes;
  private final Clock clock;
  private final HttpClient client;

  WebhookSender(TargetPolicy policy, Duration timeout, int excerptBytes, Clock clock) {
    this.policy = policy;
    this.timeout = boundedTimeout(timeout);
    this.excerptBytes = excerptBytes;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(this.timeout)
            .build();
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

  Attempt send(Claimed delivery) {
    Instant at = clock.instant();
    long started = System.nanoTime();
    URI target;
    try {
      target = URI.create(delivery.url());
    } catch (IllegalArgumentException e) {
      return failed(at, started, "the URL is not valid");
    }
    Optional<String> refused =
        policy.urlProblem(delivery.url()).or(() -> policy.addressProblem(target));
    if (refused.isPresent()) {
      return failed(at, started, "refused: " + refused.get());
    }
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("webhook-id", delivery.messageId())
            .header("webhook-timestamp", Long.toString(at.getEpochSecond()))
            .header(
                "webhook-signature",
                Signatures.header(
                    delivery.messageId(),
                    at.getEpochSecond(),
                    delivery.payload(),
                    delivery.secret(),
                    delivery.previousSecret()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
            .build();
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(request, info -> new CappedBody(excerptBytes));
    try {
      // The request's timeout covers the wait for the status line; this covers the body too.
      HttpResponse<byte[]> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      int status = response.statusCode();
      boolean ok = status >= 200 && status < 300;
      return new Attempt(
          at,
          status,
          millisSince(started),
          ok ? null : "the target answered " + status,
          excerpt(response.body()),
          ok
              ? Optional.empty()
              : RetrySchedule.retryAfter(
                  response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
    } catch (TimeoutException e) {
      answer.cancel(true);
      return failed(at, started, timedOut());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return failed(
          at, started, cause instanceof HttpTimeoutException ? timedOut() : describe(cause));
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return failed(at, started, "interrupted: the server was stopping");
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
