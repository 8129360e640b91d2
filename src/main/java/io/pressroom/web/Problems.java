package io.pressroom.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds problem responses. */
public final class Problems {

  private Problems() {}

  /** The answer to a problem raised as an exception, with the headers it carries (Retry-After). */
  public static Response response(ProblemException e, UriInfo uri) {
    Response response = response(e.type(), e.getMessage(), uri, e.errors());
    if (e.headers().isEmpty()) {
      return response;
    }
    Response.ResponseBuilder builder = Response.fromResponse(response);
    e.headers().forEach(builder::header);
    return builder.build();
  }

  public static Response response(
      ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            detail,
            uri == null ? null : uri.getPath(),
            errors.isEmpty() ? null : errors);
    return Response.status(type.status())
        .type(Problem.MEDIA_TYPE)
        .header("Cache-Control", "no-store")
        .entity(problem)
        .build();
  }
}
