package io.pressroom.web;

import io.pressroom.PressroomConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Answers oversized bodies with a 413 problem before anything reads them. */
public class BodySizeFilter {

  private final PressroomConfig config;

  BodySizeFilter(PressroomConfig config) {
    this.config = config;
  }

  // Non-blocking, like every filter that runs before the anonymous fast path (RateLimitFilter).
  @ServerRequestFilter(preMatching = true, nonBlocking = true)
  public Optional<Response> limitBodySize(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return Optional.empty();
    }
    try {
      if (Long.parseLong(length.trim()) <= config.maxBodySize()) {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      return Optional.of(
          Problems.response(
              ProblemType.BAD_REQUEST,
              "Content-Length is not a number.",
              request.getUriInfo(),
              List.of()));
    }
    return Optional.of(
        Problems.response(
            ProblemType.PAYLOAD_TOO_LARGE,
            "The request body is larger than " + config.maxBodySize() + " bytes.",
            request.getUriInfo(),
            List.of()));
  }
}
