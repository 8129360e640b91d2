package io.pressroom.account;

import io.pressroom.web.ClientAddress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in")
public class AuthResource {

  private final SessionService sessions;

  AuthResource(SessionService sessions) {
    this.sessions = sessions;
  }

  @POST
  @Path("token")
  @PermitAll
  @Operation(
      operationId = "signIn",
      summary = "Sign in",
      description =
          "Exchanges email and password for an access token and a refresh token. Repeated"
              + " failures for one email or one client address are answered with 429.")
  @APIResponse(
      responseCode = "200",
      description = "A new session",
      content = @Content(schema = @Schema(implementation = Session.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response signIn(@Valid @NotNull SignInRequest request, @Context HttpServerRequest http) {
    return noStore(sessions.signIn(request, ClientAddress.of(http)));
  }

  @POST
  @Path("refresh")
  @PermitAll
  @Operation(
      operationId = "refreshSession",
      summary = "Renew a session",
      description =
          "Exchanges a refresh token for a new pair. Refresh tokens are single-use: presenting"
              + " one again revokes its whole session.")
  @APIResponse(
      responseCode = "200",
      description = "The renewed session",
      content = @Content(schema = @Schema(implementation = Session.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public Response refresh(@Valid @NotNull RefreshRequest request) {
    return noStore(sessions.refresh(request.refreshToken()));
  }

  @POST
  @Path("logout")
  @PermitAll
  @Operation(
      operationId = "signOut",
      summary = "Sign out",
      description = "Revokes the session of this refresh token.")
  @APIResponse(responseCode = "204", description = "Signed out")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response logout(@Valid @NotNull RefreshRequest request) {
    sessions.logout(request.refreshToken());
    return Response.noContent().build();
  }

  static Response noStore(Object body) {
    return Response.ok(body).header("Cache-Control", "no-store").build();
  }
}
