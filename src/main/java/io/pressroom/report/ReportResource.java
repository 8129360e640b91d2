package io.pressroom.report;

import io.pressroom.account.CurrentUser;
import io.pressroom.web.Links;
import io.pressroom.web.PagingParams;
import io.pressroom.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

  private static final String PRIVATE = "private, no-store";

  private final ReportService reports;
  private final CurrentUser currentUser;
  private final Links links;

  ReportResource(ReportService reports, CurrentUser currentUser, Links links) {
    this.reports = reports;
    this.currentUser = currentUser;
    this.links = links;
  }

  @GET
  @RolesAllowed("editor")
  @Operation(
      operationId = "listReports",
      summary = "List reports (editor)",
      description = "Newest first, with the reporters' contacts and addresses.")
  @APIResponse(
      responseCode = "200",
      description = "A page of reports; a Link header with rel=next points to the next page",
      content = @Content(schema = @Schema(implementation = ReportPage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response list(
      @RestQuery
          @Parameter(
              description = "Only reports with this status",
              schema = @Schema(enumeration = {"open", "resolved", "dismissed"}))
          String status,
      @BeanParam PagingParams paging,
      @Context UriInfo uri) {
    Optional<ReportStatus> wanted =
        Optional.ofNullable(QueryParams.oneOf("status", status, null, ReportStatus.names()))
            .map(ReportStatus::of);
    ReportPage body = reports.list(wanted, paging.request());
    Response.ResponseBuilder response =
        Response.ok(body).header(HttpHeaders.CACHE_CONTROL, PRIVATE);
    if (body.page().next() != null) {
      response.header("Link", links.next(uri, body.page().next()));
    }
    return response.build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed("editor")
  @Operation(operationId = "getReport", summary = "Read a report (editor)")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content = @Content(schema = @Schema(implementation = ReportView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@RestPath @Parameter(example = "311") long id) {
    return Response.ok(reports.get(id)).header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed("editor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateReport",
      summary = "Resolve, dismiss or reopen a report (editor)",
      description = "The editor who sets the status becomes handledBy.")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content = @Content(schema = @Schema(implementation = ReportView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response update(@RestPath long id, @Valid @NotNull ReportStatusChange change) {
    ReportStatus status = ReportStatus.of(change.status());
    return Response.ok(reports.changeStatus(currentUser.required(), id, status))
        .header(HttpHeaders.CACHE_CONTROL, PRIVATE)
        .build();
  }
}
