package io.pressroom.web;

/** The kinds of problem Pressroom reports; each has a stable type URI, a title and a status. */
public enum ProblemType {
  BAD_REQUEST("bad-request", "Bad request", 400),
  VALIDATION("validation", "Invalid request", 400),
  MALFORMED_BODY("malformed-body", "Malformed request body", 400),
  UNAUTHORIZED("unauthorized", "Authentication required", 401),
  FORBIDDEN("forbidden", "Forbidden", 403),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
  CONFLICT("conflict", "Conflict", 409),
  GONE("gone", "Gone", 410),
  PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
  URI_TOO_LONG("uri-too-long", "URI too long", 414),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  /** Well-formed, but names what cannot be used: an unknown event type, a refused target. */
  UNPROCESSABLE("unprocessable", "Unprocessable content", 422),
  TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
  INTERNAL("internal", "Internal server error", 500),
  UNAVAILABLE("unavailable", "Service unavailable", 503);

  private final String uri;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.uri = "/problems/" + slug;
    this.title = title;
    this.status = status;
  }

  public String uri() {
    return uri;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type != VALIDATION && type != MALFORMED_BODY) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : BAD_REQUEST;
  }
}
