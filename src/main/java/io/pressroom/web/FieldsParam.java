package io.pressroom.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code fields=a,b,c} ({@code @BeanParam FieldsParam fields}): the top-level fields of a JSON
 * answer to keep, or of each item of a collection answer. Every operation whose answer {@link
 * Representations} writes takes it and hands it over; {@link FieldSelection} checks the names.
 */
public class FieldsParam {

  @RestQuery
  @Parameter(
      description =
          "Comma-separated names of top-level fields to keep (of each item, for a collection;"
              + " its page stays whole); an unknown name is a 400",
      example = "slug,title,publishedAt",
      schema = @Schema(type = SchemaType.STRING))
  String fields;

  public FieldsParam() {}

  /** The raw value, as a request would send it; {@code null} keeps every field. */
  public FieldsParam(String fields) {
    this.fields = fields;
  }

  /** Keeps every field. */
  public static FieldsParam all() {
    return new FieldsParam(null);
  }

  /** The answer as it is sent: whole, or trimmed to the fields asked for (a bad name is a 400). */
  Object select(ObjectMapper mapper, Object body) {
    return fields == null ? body : FieldSelection.trim(mapper, body, fields);
  }

  /** The same for a collection answer already written as JSON, whose items are {@code itemType}. */
  byte[] selectWritten(ObjectMapper mapper, byte[] json, Class<?> itemType) {
    return fields == null ? json : FieldSelection.trimWritten(mapper, json, itemType, fields);
  }
}
