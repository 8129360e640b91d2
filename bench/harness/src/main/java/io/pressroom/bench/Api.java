package io.pressroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP to the app and nginx on 127.0.0.1, with the JDK's client (HTTP/1.1, as wrk speaks). */
final class Api {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  record Answer(int status, byte[] body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Any answer, or status 0 when the server could not be reached. */
  Answer send(String method, String url, String bearer, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(0, new byte[0]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
  }

  Answer get(String url) {
    return send("GET", url, null, null);
  }

  /** The body of a successful GET (a 2xx or 3xx answer), or a stop with {@code failure}. */
  byte[] fetch(String url, String failure) {
    Answer answer = get(url);
    if (answer.status() < 200 || answer.status() >= 400) {
      throw new BenchException(failure + " (status " + answer.status() + ")");
    }
    return answer.body();
  }

  /**
   * Seconds that one GET took, from sending it to the last byte of the answer, on a connection of
   * its own (as one curl per request measured it before: the TCP connect is in the figure). The
   * cache-miss check times requests this way.
   */
  double timeGet(String url) {
    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
    long t0 = System.nanoTime();
    try {
      own.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new BenchException("GET " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Requests the app has answered so far, from its Prometheus counter {@code
   * http_server_requests_seconds_count} on {@code /q/metrics}; null when it has none.
   */
  Long servedRequests(String managementUrl) {
    Answer answer = get(managementUrl + "/q/metrics");
    return answer.ok() ? Metrics.servedRequests(answer.text()) : null;
  }
}
