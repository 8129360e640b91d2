package io.pressroom.comment;

import io.pressroom.account.CurrentUser;
import io.pressroom.web.FieldsParam;
import io.pressroom.web.Representations;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

@Path("/api/v1/comments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentResource {

  private final CommentService comments;
  private final Representations representations;
  private final CurrentUser currentUser;

  CommentResource(
      CommentService comments, Representations representations, CurrentUser currentUser) {
    this.comments = comments;
    this.representations = representations;
    this.currentUser = currentUser;
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "getComment",
      summary = "Read a comment",
      description =
          "A comment of a published article. A deleted comment with replies is its placeholder;"
              + " one without replies is gone (410).")
  @APIResponse(
      responseCode = "200",
      description = "The comment",
      content = @Content(schema = @Schema(implementation = CommentView.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response get(
      @RestPath @Parameter(example = "1042") long id,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    return representations.json(headers, fields, comments.get(id));
  }

  @PATCH
  @RolesAllowed("reader")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateComment",
      summary = "Edit your comment (its author)",
      description =
          "Replaces the text and sets editedAt. Only the author may: editors delete comments but"
              + " never put words in someone's mouth.")
  @APIResponse(
      responseCode = "200",
      description = "The edited comment",
      content = @Content(schema = @Schema(implementation = CommentView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response edit(@RestPath long id, @Valid @NotNull CommentEdit request) {
    return Response.ok(comments.edit(currentUser.required(), id, request))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @DELETE
  @RolesAllowed("reader")
  @Operation(
      operationId = "deleteComment",
      summary = "Delete a comment (its author or an editor)",
      description =
          "Erases the text at once. A comment with replies stays in the list as a placeholder"
              + " (deleted: true, no body, html or author) so that the thread keeps its shape;"
              + " one without replies leaves the list. Deleting again answers 410.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response delete(@RestPath long id) {
    comments.delete(currentUser.required(), id);
    return Response.noContent().build();
  }
}
