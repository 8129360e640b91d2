package io.pressroom.search;

import io.pressroom.article.ArticleListParams;
import io.pressroom.web.FieldsParam;
import io.pressroom.web.ProblemException;
import io.pressroom.web.QueryParams;
import io.pressroom.web.Representations;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SuggestionResource {

  static final int MAX_QUERY_LENGTH = 100;
  static final int MAX_LIMIT = 10;
  static final int DEFAULT_LIMIT = 5;

  private final SuggestionService suggestions;
  private final Representations representations;

  SuggestionResource(SuggestionService suggestions, Representations representations) {
    this.suggestions = suggestions;
    this.representations = representations;
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "listSuggestions",
      summary = "Suggestions while typing",
      description =
          "Tags (slug or name) and authors (handle or name) that begin with q, most used first,"
              + " and public articles whose title has words beginning as typed (the last word of"
              + " q is a prefix), best match first, then newest. Each list holds up to limit.")
  @APIResponse(
      responseCode = "200",
      description = "What matches q",
      content = @Content(schema = @Schema(implementation = Suggestions.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response suggest(
      @RestQuery
          @Parameter(
              description = "What the reader has typed so far, 1 to 100 characters",
              required = true,
              example = "ru")
          String q,
      @RestQuery
          @Parameter(
              description = "Most suggestions of each kind, 1 to 10 (default 5)",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "10",
                      defaultValue = "5"))
          String limit,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    String text =
        ArticleListParams.searchQuery(q, MAX_QUERY_LENGTH)
            .orElseThrow(
                () ->
                    ProblemException.invalidParameter(
                        "q", "is required: what the reader has typed"));
    int size = QueryParams.intInRange("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
    return representations.json(headers, fields, suggestions.suggest(text, size));
  }
}
