package io.pressroom.comment;

import io.pressroom.account.CurrentUser;
import io.pressroom.web.FieldsParam;
import io.pressroom.web.PagingParams;
import io.pressroom.web.Representations;
import io.pressroom.web.ResponseDependencies;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/articles/{slug}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class ArticleCommentsResource {

  private final CommentService comments;
  private final Representations representations;
  private final CurrentUser currentUser;
  private final ResponseDependencies dependencies;

  ArticleCommentsResource(
      CommentService comments,
      Representations representations,
      CurrentUser currentUser,
      ResponseDependencies dependencies) {
    this.comments = comments;
    this.representations = representations;
    this.currentUser = currentUser;
    this.dependencies = dependencies;
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "listComments",
      summary = "List an article's comments",
      description =
          "Oldest first; replies name their parent in parentId. A deleted comment that has"
              + " replies stays as a placeholder (deleted: true, no body, html or author);"
              + " without replies it leaves the list. page.total counts the listed items,"
              + " placeholders included, while the article's stats.comments counts only comments"
              + " that are not deleted. Only published articles have comments to show.")
  @APIResponse(
      responseCode = "200",
      description = "A page of comments; a Link header with rel=next points to the next page",
      content = @Content(schema = @Schema(implementation = CommentPage.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response list(
      @RestPath @Parameter(example = "rust-is-no-longer-an-experiment-in-the-linux-kernel")
          String slug,
      @BeanParam PagingParams paging,
      @Context UriInfo uri,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    CommentService.Discussion discussion = comments.list(slug, paging.request());
    // A comment, an edit or a deletion is feedback on the article: it drops the kept discussion.
    dependencies.add(List.of(discussion.articleId()));
    CommentPage body = discussion.page();
    return representations.collection(headers, uri, fields, body, body.page().next());
  }

  @POST
  @RolesAllowed("reader")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createComment",
      summary = "Comment on an article (signed in)",
      description =
          "Markdown, rendered and sanitised. With parentId, a reply to a comment of the same"
              + " article; a deleted comment takes no replies (400). Threads are at most "
              + CommentService.MAX_THREAD_LEVELS
              + " levels deep: a comment on the article is level 1, and a reply to a comment at"
              + " level "
              + CommentService.MAX_THREAD_LEVELS
              + " is refused (400 naming parentId); reply higher up the thread instead.")
  @APIResponse(
      responseCode = "201",
      description = "The comment; Location names it",
      content = @Content(schema = @Schema(implementation = CommentView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response create(@RestPath String slug, @Valid @NotNull NewComment request) {
    CommentView comment = comments.create(currentUser.required(), slug, request);
    return Response.created(representations.location("/api/v1/comments/" + comment.id()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(comment)
        .build();
  }
}
