package io.pressroom.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every failed request. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @Schema(required = true, example = "/problems/not-found") String type,
    @Schema(required = true, example = "Not found") String title,
    @Schema(example = "404") int status,
    @Schema(example = "No article has the slug 'rust-in-linux'.") String detail,
    @Schema(example = "/api/v1/articles/rust-in-linux") String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field or parameter of a request. */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(example = "limit") String field,
      @Schema(example = "must be between 1 and 100") String message) {}
}
