package io.pressroom.account;

import io.pressroom.web.CursorCodec;
import io.pressroom.web.Links;
import io.pressroom.web.PagingParams;
import io.pressroom.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeyResource {

  private final ApiKeyService keys;
  private final CurrentUser currentUser;
  private final Links links;
  private final CursorCodec cursors;

  ApiKeyResource(ApiKeyService keys, CurrentUser currentUser, Links links, CursorCodec cursors) {
    this.keys = keys;
    this.links = links;
    this.currentUser = currentUser;
    this.cursors = cursors;
  }

  @POST
  @RolesAllowed("admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createApiKey",
      summary = "Create an aggregator key (admin)",
      description = "The key is in this answer only; it is stored hashed.")
  @APIResponse(
      responseCode = "201",
      description = "The new key",
      content = @Content(schema = @Schema(implementation = ApiKeyViews.Created.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response create(@Valid @NotNull ApiKeyViews.NewApiKey request) {
    ApiKeyViews.Created created = keys.create(request.name(), currentUser.required().accountId());
    return Response.created(links.absolute("/api/v1/api-keys/" + created.id()))
        .header("Cache-Control", "no-store")
        .entity(created)
        .build();
  }

  @GET
  @RolesAllowed("admin")
  @Operation(
      operationId = "listApiKeys",
      summary = "List active aggregator keys (admin)",
      description = "Oldest first, paged like every collection.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the active keys, without the keys themselves",
      content = @Content(schema = @Schema(implementation = ApiKeyViews.KeyPage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response list(@BeanParam PagingParams paging, @Context UriInfo uri) {
    ApiKeyViews.KeyPage page = keys.list(paging.request(), cursors);
    Response.ResponseBuilder response =
        Response.ok(page).header("Cache-Control", "private, no-store");
    if (page.page().next() != null) {
      response.header("Link", links.next(uri, page.page().next()));
    }
    return response.build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed("admin")
  @Operation(
      operationId = "getApiKey",
      summary = "Show an active aggregator key (admin)",
      description = "What the listing shows of it, never the key itself; 404 once revoked.")
  @APIResponse(
      responseCode = "200",
      description = "The key, without the key itself",
      content = @Content(schema = @Schema(implementation = ApiKeyViews.Listed.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(
      @RestPath
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          String id) {
    return Response.ok(keys.get(keyId(id))).header("Cache-Control", "private, no-store").build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("admin")
  @Operation(operationId = "revokeApiKey", summary = "Revoke an aggregator key (admin)")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response revoke(
      @RestPath
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          String id) {
    keys.revoke(keyId(id));
    return Response.noContent().build();
  }

  /** A path id that is no number names no key: 404, as an unknown number does. */
  private static long keyId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("No active API key has the id " + id + ".");
    }
  }
}
