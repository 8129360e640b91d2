package io.pressroom.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.pressroom.db.DatabaseFailures;
import io.pressroom.text.SafeText;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one family of mappers that turns every failure into an RFC 9457 problem. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return Problems.response(e, uri);
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.isEmpty()
            ? "The request is invalid."
            : "The request is invalid: "
                + errors.stream()
                    .map(Problem.FieldError::field)
                    .distinct()
                    .collect(Collectors.joining(", "))
                + ".";
    return Problems.response(ProblemType.VALIDATION, detail, uri, errors);
  }

  /** More specific than Quarkus's own mapper for this type, which answers with no body. */
  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e, UriInfo uri) {
    return malformed(e, uri);
  }

  @ServerExceptionMapper
  public Response unparsable(JsonParseException e, UriInfo uri) {
    return malformed(e, uri);
  }

  /**
   * A body Jackson could not read. When the fault lies in one field (a wrong type, an unknown name,
   * a number out of range, a forbidden character), the answer is a validation problem naming it;
   * otherwise (not JSON, nested too deeply, not an object) a malformed-body problem.
   */
  @ServerExceptionMapper
  public Response malformed(JsonProcessingException e, UriInfo uri) {
    String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
    Throwable cause = innermostJsonCause(e);
    if (cause instanceof StreamConstraintsException) {
      return Problems.response(
          ProblemType.MALFORMED_BODY,
          "The request body nests deeper than "
              + StrictJson.MAX_NESTING_DEPTH
              + " levels or holds a value larger than allowed.",
          uri,
          List.of());
    }
    if (field.isEmpty() || cause instanceof JsonParseException) {
      return Problems.response(
          ProblemType.MALFORMED_BODY,
          e instanceof MismatchedInputException
              ? "The request body does not have the expected shape; send a JSON object."
              : "The request body is not valid JSON.",
          uri,
          List.of());
    }
    String message;
    if (e instanceof UnrecognizedPropertyException) {
      message = "is not accepted here";
    } else if (cause instanceof StrictJson.UnsafeTextException) {
      message = SafeText.MESSAGE;
    } else if (cause instanceof InputCoercionException) {
      message = "is a number out of range";
    } else {
      message = expected(e instanceof MismatchedInputException m ? m.getTargetType() : null);
    }
    return Problems.response(
        ProblemType.VALIDATION,
        "The request is invalid: " + field + ".",
        uri,
        List.of(new Problem.FieldError(field, message)));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type or format";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "must be a whole number";
    }
    if (type == Instant.class) {
      return "must be an ISO-8601 timestamp such as 2026-11-24T09:30:00Z";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "must be an array";
    }
    return "has the wrong type or format";
  }

  /** Jackson wraps what a parser or a reader throws inside a field with that field's path. */
  private static Throwable innermostJsonCause(JsonProcessingException e) {
    Throwable innermost = e;
    for (Throwable c = e.getCause(); c != null && c != innermost; c = c.getCause()) {
      if (c instanceof JsonProcessingException) {
        innermost = c;
      }
    }
    return innermost;
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return Problems.response(
        ProblemType.FORBIDDEN, "Your account may not do this.", uri, List.of());
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return malformed(json, uri);
      }
    }
    if (status == 400) {
      return Problems.response(
          ProblemType.MALFORMED_BODY,
          "The request body could not be read; send a JSON object.",
          uri,
          List.of());
    }
    ProblemType type = ProblemType.forStatus(status);
    Response.ResponseBuilder builder =
        Response.fromResponse(Problems.response(type, webDetail(type, uri), uri, List.of()))
            .status(status);
    if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
      builder.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
    }
    return builder.build();
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e, UriInfo uri) {
    Optional<ProblemException> database = DatabaseFailures.classify(e);
    if (database.isPresent()) {
      return Problems.response(database.get(), uri);
    }
    if (AbandonedRequests.closedByClient(e)) {
      LOG.debugf("The client closed the connection before its request to %s was read", path(uri));
      return Problems.response(
          ProblemType.MALFORMED_BODY,
          "The connection closed before the request body was read in full.",
          uri,
          List.of());
    }
    String id = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected failure %s on %s", id, path(uri));
    return Problems.response(
        ProblemType.INTERNAL,
        "Something went wrong on our side. Quote reference " + id + " when you report it.",
        uri,
        List.of());
  }

  /** The 401 of every token that fails, wherever it is found to fail. */
  public static Response unauthenticated(UriInfo uri) {
    return Response.fromResponse(
            Problems.response(
                ProblemType.UNAUTHORIZED,
                "Sign in and send a valid bearer token to do this.",
                uri,
                List.of()))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  private static String path(UriInfo uri) {
    return uri == null ? "?" : uri.getPath();
  }

  private static String webDetail(ProblemType type, UriInfo uri) {
    return switch (type) {
      case NOT_FOUND -> "Nothing is served at " + uri.getPath() + ".";
      case METHOD_NOT_ALLOWED -> "This method is not allowed on " + uri.getPath() + ".";
      case NOT_ACCEPTABLE -> "None of the media types in Accept can be produced here.";
      case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
      case PAYLOAD_TOO_LARGE -> "The request body is too large.";
      default -> "The request could not be processed.";
    };
  }

  private static String fieldName(ConstraintViolation<?> violation) {
    String last = null;
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PROPERTY, PARAMETER -> last = node.getName();
        default -> {}
      }
    }
    return last == null ? "request" : last;
  }

  private static String jsonPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
