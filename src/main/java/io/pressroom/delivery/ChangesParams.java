package io.pressroom.delivery;

import io.pressroom.web.QueryParams;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query of {@code GET /changes}. Its batches are larger than a listing's pages (up to {@value
 * #MAX_LIMIT}, {@value #DEFAULT_LIMIT} by default), and it pages with {@code since} alone, so it
 * has its own parameters rather than {@code PagingParams}; the limit is text for the same reason (a
 * bad value is a 400 problem naming it).
 */
public class ChangesParams {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  @RestQuery
  @Parameter(
      description = "Cursor from the previous answer's next",
      schema = @Schema(type = SchemaType.STRING))
  String since;

  @RestQuery
  @Parameter(description = "Only articles with this tag slug")
  String tag;

  @RestQuery
  @Parameter(
      description = "Changes per answer, 1-500 (default 100)",
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              minimum = "1",
              maximum = "" + MAX_LIMIT,
              defaultValue = "" + DEFAULT_LIMIT))
  String limit;

  Optional<String> since() {
    return Optional.ofNullable(since).filter(s -> !s.isBlank());
  }

  Optional<String> tag() {
    return Optional.ofNullable(tag).filter(s -> !s.isBlank());
  }

  int limit() {
    return QueryParams.intInRange("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  }
}
