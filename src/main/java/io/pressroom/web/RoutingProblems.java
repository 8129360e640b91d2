package io.pressroom.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Answers with a problem the client errors that the HTTP layer finds before any resource runs: a
 * request target Vert.x cannot decode (bad percent-encoding such as {@code %zz}), a path it cannot
 * route, a body over the hard size limit. Server errors are left to Quarkus, which logs them.
 */
@ApplicationScoped
public class RoutingProblems {

  private final ObjectMapper mapper;

  RoutingProblems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
  }

  /**
   * Quarkus refuses a request target that is not a valid URI with a bare 400 unless the system
   * property {@value #NO_QUARKUS_URI_CHECK} is set (PressroomMain and the test runner set it); this
   * makes the same check first thing, so that nothing else ever sees such a target, and answers it
   * with a problem.
   */
  void checkUris(@Observes Filters filters) {
    filters.register(this::refuseInvalidUri, Integer.MAX_VALUE);
  }

  public static final String NO_QUARKUS_URI_CHECK = "vertx.disableURIValidation";

  private void refuseInvalidUri(RoutingContext context) {
    String uri = context.request().uri();
    try {
      new URI(uri);
      context.next();
    } catch (URISyntaxException e) {
      write(context, 400);
    }
  }

  private void answer(RoutingContext context) {
    int status = context.statusCode();
    HttpServerResponse response = context.response();
    if (status < 400 || status > 499 || response.ended() || response.headWritten()) {
      context.next();
      return;
    }
    write(context, status);
  }

  private void write(RoutingContext context, int status) {
    HttpServerResponse response = context.response();
    ProblemType type = ProblemType.forStatus(status);
    boolean known = type.status() == status;
    Problem problem =
        new Problem(
            known ? type.uri() : "about:blank",
            known ? type.title() : HttpResponseStatus.valueOf(status).reasonPhrase(),
            status,
            detail(status),
            instance(context.request().uri()),
            null);
    String body;
    try {
      body = mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      response.setStatusCode(status).end();
      return;
    }
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body);
  }

  /** The path part of a target that may not parse as a URI. */
  private static String instance(String uri) {
    if (uri == null) {
      return null;
    }
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 ->
          "The request target is not a valid URI; check its percent-encoding and escape"
              + " characters such as spaces, quotes, | and {}.";
      case 404 -> "Nothing is served at this address.";
      case 413 -> "The request body is too large.";
      default -> "The request could not be processed.";
    };
  }
}
