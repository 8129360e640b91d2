package io.pressroom.delivery;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
      operationId = "listChanges",
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
  public Response since(@BeanParam ChangesParams params) {
    int limit = params.limit();
    ChangePage page = changes.since(params.since(), params.tag(), limit);
    return Response.ok(page).header("Cache-Control", "no-cache").build();
  }
}
