package io.pressroom.account;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class MeResource {

  private final ProfileService profiles;
  private final CurrentUser currentUser;

  MeResource(ProfileService profiles, CurrentUser currentUser) {
    this.profiles = profiles;
    this.currentUser = currentUser;
  }

  @GET
  @RolesAllowed("reader")
  @Operation(operationId = "getMe", summary = "Your account")
  @APIResponse(
      responseCode = "200",
      description = "The signed-in account",
      content = @Content(schema = @Schema(implementation = AccountView.class)))
  public Response me() {
    return Response.ok(profiles.me(currentUser.required().accountId()))
        .header("Cache-Control", "private, no-store")
        .build();
  }

  @PATCH
  @RolesAllowed("reader")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateMe",
      summary = "Change your profile or password",
      description =
          "Partial update: absent fields stay, null clears bio, avatarUrl or websiteUrl. A new"
              + " password needs currentPassword and signs out every session, this one"
              + " included: its access and refresh tokens stop working, so sign in again with the"
              + " new password. Wrong current passwords count against the account like failed"
              + " sign-ins (429 beyond).")
  @RequestBody(content = @Content(schema = @Schema(implementation = ProfileUpdate.class)))
  @APIResponse(
      responseCode = "200",
      description = "The updated account",
      content = @Content(schema = @Schema(implementation = AccountView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response update(JsonNode body) {
    return Response.ok(profiles.update(currentUser.required().accountId(), ProfilePatch.of(body)))
        .header("Cache-Control", "private, no-store")
        .build();
  }

  /** The fields PATCH /me accepts, for the OpenAPI document. */
  @Schema(name = "ProfileUpdate")
  record ProfileUpdate(
      String name,
      @Schema(nullable = true) String bio,
      @Schema(
              nullable = true,
              description =
                  "An https address of the picture on a host the site allows (by default"
                      + " gravatar.com and githubusercontent.com, and their subdomains; 400"
                      + " names them otherwise): every reader's browser that shows your comments"
                      + " loads it, and no other server may learn who reads them. One set before"
                      + " the site narrowed its hosts stays until it is changed.",
              example = "https://secure.gravatar.com/avatar/0f1e2d3c4b5a")
          String avatarUrl,
      @Schema(nullable = true) String websiteUrl,
      @Schema(description = "New password, 10-72 characters") String password,
      @Schema(description = "Required with password") String currentPassword) {}
}
