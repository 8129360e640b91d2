package io.pressroom.report;

import io.pressroom.web.ClientAddress;
import io.pressroom.web.Links;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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

@Path("/api/v1/articles/{slug}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ArticleReportsResource {

  private final ReportService reports;
  private final Links links;

  ArticleReportsResource(ReportService reports, Links links) {
    this.reports = reports;
    this.links = links;
  }

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reportArticle",
      summary = "Report an article (anyone)",
      description =
          "A takedown or abuse report for the editors. No account needed; each client address"
              + " may file a few reports an hour (429 beyond). The contact is shown to editors"
              + " only.")
  @APIResponse(
      responseCode = "201",
      description = "Filed; it is open until an editor handles it",
      content = @Content(schema = @Schema(implementation = ReportReceipt.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response file(
      @RestPath @Parameter(example = "rust-is-no-longer-an-experiment-in-the-linux-kernel")
          String slug,
      @Valid @NotNull ReportRequest request,
      @Context HttpServerRequest http) {
    ReportReceipt receipt = reports.file(slug, request, ClientAddress.exact(http));
    return Response.created(links.absolute("/api/v1/reports/" + receipt.id()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(receipt)
        .build();
  }
}
