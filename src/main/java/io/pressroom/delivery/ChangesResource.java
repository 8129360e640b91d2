package io.pressroom.delivery;

import io.pressroom.web.CachePolicy;
import io.pressroom.web.EntityTags;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
public class ChangesResource {

  private final ChangesService changes;
  private final Representations representations;

  ChangesResource(ChangesService changes, Representations representations) {
    this.changes = changes;
    this.representations = representations;
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
              + " from the beginning. With tag, the changes of that tag's articles, and a delete"
              + " when an article leaves the tag (untagged, unpublished or deleted), so that a"
              + " mirror of one tag drops it; an upsert when it comes back. Counters (likes,"
              + " ratings, comments) are not changes here."
              + " Send the last answer's ETag as If-None-Match for a 304 while nothing is new.")
  @APIResponse(
      responseCode = "200",
      description = "A batch of changes",
      content = @Content(schema = @Schema(implementation = ChangePage.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response since(@BeanParam ChangesParams params, @Context HttpHeaders request) {
    int limit = params.limit();
    ChangePage page = changes.since(params.since(), params.tag(), limit);
    byte[] body = representations.serialize(page);
    String etag = Representations.entityTag(body, null);
    // A poller may send the last answer's tag: while nothing is new, a 304 without a body. Every
    // answer is checked again (no-cache): a kept copy could only say that nothing is new.
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    Response.ResponseBuilder response =
        ifNoneMatch != null && EntityTags.matchesAny(ifNoneMatch, etag)
            ? Response.notModified()
            : Response.ok(body, MediaType.APPLICATION_JSON + ";charset=UTF-8");
    return response
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header(HttpHeaders.VARY, CachePolicy.VARY)
        .build();
  }
}
