package io.pressroom.source;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/go/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Original source")
public class GoResource {

  private final SourceService sources;

  GoResource(SourceService sources) {
    this.sources = sources;
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "followSourceLink",
      summary = "Follow a signed source link",
      description =
          "Redirects to the stored source URL of the article the token is bound to, while the"
              + " token is valid. The token comes from POST /api/v1/articles/{slug}/source-link.")
  @APIResponse(
      responseCode = "302",
      description = "To the original source; not to be stored by caches",
      headers = {
        @Header(
            name = "Location",
            description = "The article's stored source URL",
            schema = @Schema(implementation = String.class)),
        @Header(
            name = "Cache-Control",
            description = "no-store",
            schema = @Schema(implementation = String.class))
      })
  @APIResponse(
      responseCode = "401",
      description = "The token was not signed here or was altered",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(
      responseCode = "410",
      description = "The link expired, or its article was deleted",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  public Response follow(@RestPath String token) {
    return ArticleSourceResource.redirect(sources.redeem(token));
  }
}
