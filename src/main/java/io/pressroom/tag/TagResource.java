package io.pressroom.tag;

import io.pressroom.account.CurrentUser;
import io.pressroom.article.ArticleListParams;
import io.pressroom.article.ArticlePage;
import io.pressroom.article.ArticlePages;
import io.pressroom.article.ArticleService;
import io.pressroom.web.PageRequest;
import io.pressroom.web.Representations;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags")
public class TagResource {

  private final TagService tags;
  private final ArticleService articles;
  private final ArticlePages pages;
  private final Representations representations;
  private final CurrentUser currentUser;

  TagResource(
      TagService tags,
      ArticleService articles,
      ArticlePages pages,
      Representations representations,
      CurrentUser currentUser) {
    this.tags = tags;
    this.articles = articles;
    this.pages = pages;
    this.representations = representations;
    this.currentUser = currentUser;
  }

  @GET
  @PermitAll
  @Operation(summary = "List tags", description = "Each tag with its count of published articles.")
  @APIResponse(
      responseCode = "200",
      description = "A page of tags",
      content = @Content(schema = @Schema(implementation = TagPage.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response list(
      @RestQuery
          @Parameter(
              description = "name (default) or -articles (most used first)",
              schema = @Schema(enumeration = {"name", "-articles"}))
          String sort,
      @RestQuery @Parameter(description = "Items per page, 1-100") String limit,
      @RestQuery @Parameter(description = "Opaque cursor from page.next") String cursor,
      @RestQuery @Parameter(description = "1-based page number") String page,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    TagPage body = tags.list(sort, PageRequest.parse(limit, cursor, page));
    return representations.collection(headers, uri, body, body.page().next());
  }

  @GET
  @Path("{slug}")
  @PermitAll
  @Operation(summary = "Read a tag")
  @APIResponse(
      responseCode = "200",
      description = "The tag",
      content = @Content(schema = @Schema(implementation = TagView.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(
      @RestPath @Parameter(example = "rust") String slug, @Context HttpHeaders headers) {
    return representations.json(headers, tags.get(slug));
  }

  @GET
  @Path("{slug}/articles")
  @PermitAll
  @Operation(
      summary = "List a tag's published articles",
      description = "The same options as GET /api/v1/articles, scoped to this tag.")
  @APIResponse(
      responseCode = "200",
      description = "A page of articles",
      content = @Content(schema = @Schema(implementation = ArticlePage.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response articles(
      @RestPath @Parameter(example = "rust") String slug,
      @BeanParam ArticleListParams params,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return pages.response(
        articles.list(params, Optional.of(slug), currentUser.caller()), uri, headers);
  }
}
