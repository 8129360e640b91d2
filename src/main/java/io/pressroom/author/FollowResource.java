package io.pressroom.author;

import io.pressroom.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Following authors; their articles then appear in GET /api/v1/me/feed. */
@Path("/api/v1/authors/{handle}/follow")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authors")
public class FollowResource {

  private final FollowService follows;
  private final CurrentUser currentUser;

  FollowResource(FollowService follows, CurrentUser currentUser) {
    this.follows = follows;
    this.currentUser = currentUser;
  }

  @PUT
  @RolesAllowed("reader")
  @Operation(
      operationId = "followAuthor",
      summary = "Follow an author",
      description =
          "Idempotent: following an author you already follow changes nothing. Their published"
              + " articles appear in GET /api/v1/me/feed. You cannot follow yourself (400).")
  @APIResponse(responseCode = "204", description = "You follow the author")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response follow(@RestPath @Parameter(example = "northwind-desk") String handle) {
    follows.follow(currentUser.required(), handle);
    return Response.noContent().build();
  }

  @DELETE
  @RolesAllowed("reader")
  @Operation(
      operationId = "unfollowAuthor",
      summary = "Stop following an author",
      description = "Idempotent: when you do not follow the author, nothing changes.")
  @APIResponse(responseCode = "204", description = "You do not follow the author")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response unfollow(@RestPath @Parameter(example = "northwind-desk") String handle) {
    follows.unfollow(currentUser.required(), handle);
    return Response.noContent().build();
  }
}
