package io.pressroom.source;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/articles/{slug}/source-link")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Original source")
public class SourceLinkResource {

  private final SourceService sources;

  SourceLinkResource(SourceService sources) {
    this.sources = sources;
  }

  @POST
  @RolesAllowed("reader")
  @Operation(
      operationId = "createSourceLink",
      summary = "Get a short-lived link to the original source (signed in)",
      description =
          "For browsers that cannot attach a bearer token to a link: url is /go/{token}, a token"
              + " signed by this installation and bound to the article, that redirects to the"
              + " article's stored source URL until expiresAt (a few minutes; configurable). No"
              + " request body.")
  @APIResponse(
      responseCode = "200",
      description = "The link and when it stops working",
      content = @Content(schema = @Schema(implementation = SourceLink.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response create(
      @RestPath @Parameter(example = "rust-is-no-longer-an-experiment-in-the-linux-kernel")
          String slug) {
    return Response.ok(sources.issue(slug)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }
}
