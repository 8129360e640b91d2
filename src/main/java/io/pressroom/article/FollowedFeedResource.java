package io.pressroom.article;

import io.pressroom.account.CurrentUser;
import io.pressroom.web.FieldsParam;
import io.pressroom.web.PagingParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in reader's own feed: what the authors they follow published. */
@Path("/api/v1/me/feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class FollowedFeedResource {

  private final ArticleService articles;
  private final ArticlePages pages;
  private final CurrentUser currentUser;

  FollowedFeedResource(ArticleService articles, ArticlePages pages, CurrentUser currentUser) {
    this.articles = articles;
    this.pages = pages;
    this.currentUser = currentUser;
  }

  @GET
  @RolesAllowed("reader")
  @Operation(
      operationId = "listFollowedArticles",
      summary = "Your feed: articles by the authors you follow",
      description =
          "Published articles by the authors you follow, newest first, as items like those of"
              + " GET /api/v1/articles. Page with cursor (page.next). The answer is private.")
  @APIResponse(
      responseCode = "200",
      description = "A page of articles; a Link header with rel=next points to the next page",
      content = @Content(schema = @Schema(implementation = ArticlePage.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response feed(
      @BeanParam PagingParams paging,
      @Context UriInfo uri,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    long me = currentUser.required().accountId();
    return pages.response(articles.followed(me, paging.request()), uri, headers, fields);
  }
}
