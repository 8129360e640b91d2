package io.pressroom.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Sends one PURGE naming surrogate keys to every edge cache at once. */
@ApplicationScoped
class EdgePurgeSender {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client =
      HttpClient.newBuilder()
          // Plain HTTP/1.1: no h2c upgrade attempt on every purge.
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** Nothing when every cache answered 2xx, else what went wrong (per cache). */
  Optional<String> purge(List<String> targets, String keys) {
    List<CompletableFuture<String>> answers =
        targets.stream().map(target -> send(target, keys)).toList();
    List<String> failures =
        answers.stream().map(CompletableFuture::join).filter(f -> !f.isEmpty()).toList();
    return failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures));
  }

  private CompletableFuture<String> send(String target, String keys) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target))
            .method("PURGE", HttpRequest.BodyPublishers.noBody())
            .header(EdgeCacheHeaders.XKEY, keys)
            .timeout(TIMEOUT)
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, error) -> {
              if (error != null) {
                return target + ": " + error;
              }
              int status = response.statusCode();
              return status >= 200 && status < 300 ? "" : target + ": status " + status;
            });
  }
}
