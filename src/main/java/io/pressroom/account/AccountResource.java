package io.pressroom.account;

import io.pressroom.web.ClientAddress;
import io.pressroom.web.CursorCodec;
import io.pressroom.web.Links;
import io.pressroom.web.PagingParams;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {

  private final AccountService accounts;
  private final AccountAdministration administration;
  private final CurrentUser currentUser;
  private final CursorCodec cursors;
  private final Links links;

  AccountResource(
      AccountService accounts,
      AccountAdministration administration,
      CurrentUser currentUser,
      CursorCodec cursors,
      Links links) {
    this.accounts = accounts;
    this.administration = administration;
    this.links = links;
    this.currentUser = currentUser;
    this.cursors = cursors;
  }

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "signUp",
      summary = "Sign up",
      description =
          "Creates a reader account and signs it in. Emails are unique ignoring case. Sign-up"
              + " attempts from one client address are limited per hour (429 beyond).")
  @APIResponse(
      responseCode = "201",
      description = "The account and its first session; Location is /api/v1/me",
      content = @Content(schema = @Schema(implementation = SignUpResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response signUp(@Valid @NotNull SignUpRequest request, @Context HttpServerRequest http) {
    return Response.created(links.absolute("/api/v1/me"))
        .header("Cache-Control", "no-store")
        .entity(SignUpResponse.of(accounts.signUp(request, ClientAddress.of(http))))
        .build();
  }

  @GET
  @RolesAllowed("admin")
  @Operation(
      operationId = "listAccounts",
      summary = "List accounts (admin)",
      description = "All accounts by handle.")
  @APIResponse(
      responseCode = "200",
      description = "A page of accounts",
      content = @Content(schema = @Schema(implementation = AccountPage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response list(@BeanParam PagingParams paging, @Context UriInfo uri) {
    AccountPage page = administration.list(paging.request(), cursors);
    Response.ResponseBuilder response =
        Response.ok(page).header("Cache-Control", "private, no-store");
    if (page.page().next() != null) {
      response.header("Link", links.next(uri, page.page().next()));
    }
    return response.build();
  }

  @PATCH
  @Path("{handle}")
  @RolesAllowed("admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateAccount",
      summary = "Change an account's role or disable it (admin)",
      description = "A disabled account's tokens stop working at once.")
  @APIResponse(
      responseCode = "200",
      description = "The account",
      content = @Content(schema = @Schema(implementation = AccountView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public AccountView update(@RestPath String handle, @Valid @NotNull AccountAdminUpdate update) {
    return administration.update(currentUser.required().accountId(), handle, update);
  }
}
