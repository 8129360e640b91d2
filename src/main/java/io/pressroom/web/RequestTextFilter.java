package io.pressroom.web;

import io.pressroom.text.SafeText;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any matching, request targets that are too long and paths or query parameters
 * whose decoded text breaks {@link SafeText} (a NUL byte would otherwise reach PostgreSQL and fail
 * there). Request bodies are checked by {@link StrictJson}.
 */
public class RequestTextFilter {

  /** The longest request target (path and query) answered; longer ones get a 414 problem. */
  static final int MAX_TARGET_LENGTH = 8192;

  // Non-blocking, like every filter that runs before the anonymous fast path (RateLimitFilter).
  @ServerRequestFilter(preMatching = true, nonBlocking = true)
  public Optional<Response> refuseUnsafeText(
      ContainerRequestContext request, HttpServerRequest http) {
    UriInfo uri = request.getUriInfo();
    if (http.uri().length() > MAX_TARGET_LENGTH) {
      return Optional.of(
          Problems.response(
              ProblemType.URI_TOO_LONG,
              "The request target is longer than " + MAX_TARGET_LENGTH + " characters.",
              uri,
              List.of()));
    }
    if (plainAscii(http.uri())) {
      return Optional.empty();
    }
    if (!SafeText.isSafe(uri.getPath())) {
      return Optional.of(invalid("path", uri));
    }
    for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
      String name = parameter.getKey();
      if (!SafeText.isSafe(name) || !parameter.getValue().stream().allMatch(SafeText::isSafe)) {
        return Optional.of(invalid(name, uri));
      }
    }
    return Optional.empty();
  }

  /**
   * A target of printable ASCII with no percent-encoding decodes to itself (or '+' to a space), so
   * it holds no character {@link SafeText} refuses: the common case skips decoding every parameter
   * on the event loop, ahead of the cache hits served there.
   */
  static boolean plainAscii(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '%') {
        return false;
      }
    }
    return true;
  }

  private static Response invalid(String parameter, UriInfo uri) {
    ProblemException problem = ProblemException.invalidParameter(parameter, SafeText.MESSAGE);
    return Problems.response(problem.type(), problem.getMessage(), uri, problem.errors());
  }
}
