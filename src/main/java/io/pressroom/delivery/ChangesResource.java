package io.pressroom.delivery;

import io.pressroom.web.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
public class ChangesResource {

  private final ChangesService changes;

  ChangesResource(ChangesService changes) {
    this.changes = changes;
  }

  @GET
  @PermitAll
  @Operation(
      summary = "Changes to published articles since a cursor",
      description =
          "Upserts (an article to insert or replace, as it is now) and deletes (unpublished or"
              + " deleted articles), oldest first. Poll with each answer's next: no change is"
              + " missed or repeated, even when writers commit out of order. Without since, starts"
              + " from the beginning. Counters (likes, ratings, comments) are not changes here.")
  @APIResponse(
      responseCode = "200",
      description = "A batch of changes",
      content = @Content(schema = @Schema(implementation = ChangePage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response since(
      @RestQuery @Parameter(description = "Cursor from the previous answer's next") String since,
      @RestQuery @Parameter(description = "Only articles with this tag slug") String tag,
      @RestQuery @Parameter(description = "Changes per answer, 1-500 (default 100)") String limit) {
    int size = QueryParams.intInRange("limit", limit, 1, 500, 100);
    ChangePage page =
        changes.since(
            Optional.ofNullable(since).filter(s -> !s.isBlank()),
            Optional.ofNullable(tag).filter(s -> !s.isBlank()),
            size);
    return Response.ok(page).header("Cache-Control", "no-cache").build();
  }
}
