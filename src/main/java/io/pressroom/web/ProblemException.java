package io.pressroom.web;

import java.util.List;

/** A failure the client can act on; it carries its problem type and the detail to show. */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final List<Problem.FieldError> errors;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
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
