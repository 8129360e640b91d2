package io.pressroom.source;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/articles/{slug}/source")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Original source")
public class ArticleSourceResource {

  private final SourceService sources;

  ArticleSourceResource(SourceService sources) {
    this.sources = sources;
  }

  @GET
  @RolesAllowed("reader")
  @Operation(
      operationId = "openSource",
      summary = "Open the original source (signed in)",
      description =
          "Redirects a signed-in reader to the source URL stored with the published article;"
              + " nothing in the request can change the target. For links that cannot carry a"
              + " bearer token, see POST /api/v1/articles/{slug}/source-link.")
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
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response open(
      @RestPath @Parameter(example = "rust-is-no-longer-an-experiment-in-the-linux-kernel")
          String slug) {
    return redirect(sources.sourceUrl(slug));
  }

  /** A 302 to a stored source URL that no cache keeps. */
  static Response redirect(String url) {
    return Response.status(Response.Status.FOUND)
        .header(HttpHeaders.LOCATION, url)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
