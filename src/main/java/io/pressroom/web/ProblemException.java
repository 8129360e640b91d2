package io.pressroom.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A failure the client can act on; it carries its problem type and the detail to show. */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final List<Problem.FieldError> errors;
  private final Map<String, String> headers;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    this(type, detail, errors, Map.of());
  }

  public ProblemException(
      ProblemType type,
      String detail,
      List<Problem.FieldError> errors,
      Map<String, String> headers) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  /** Response headers that belong with this problem, such as Retry-After. */
  public Map<String, String> headers() {
    return headers;
  }

  public ProblemType type() {
    return type;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }

  public static ProblemException conflict(String field, String message) {
    return new ProblemException(
        ProblemType.CONFLICT,
        message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1) + ".",
        List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        ProblemType.VALIDATION,
        "The request is invalid: " + field + ".",
        List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ProblemException(
        ProblemType.TOO_MANY_REQUESTS,
        detail,
        List.of(),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
  }

  /** Worth sending again after {@code retryAfterSeconds}: the service cannot answer right now. */
  public static ProblemException unavailable(String detail, long retryAfterSeconds) {
    return new ProblemException(
        ProblemType.UNAVAILABLE,
        detail,
        List.of(),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
  }

  public static ProblemException gone(String detail) {
    return new ProblemException(ProblemType.GONE, detail);
  }

  public static ProblemException invalidParameter(String field, String message) {
    return new ProblemException(
        ProblemType.VALIDATION,
        "The parameter '" + field + "' is invalid: " + message + ".",
        List.of(new Problem.FieldError(field, message)));
  }
}
