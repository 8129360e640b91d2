package io.pressroom.article;

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

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

  private final ArticleService articles;
  private final ArticlePages pages;
  private final Representations representations;

  ArticleResource(ArticleService articles, ArticlePages pages, Representations representations) {
    this.articles = articles;
    this.pages = pages;
    this.representations = representations;
  }

  @GET
  @PermitAll
  @Operation(
      summary = "List published articles",
      description =
          "Newest first unless sort says otherwise. Filters combine; tag matches any of the"
              + " given tags. Page with cursor (page.next) or with page for numbered pagers.")
  @APIResponse(
      responseCode = "200",
      description = "A page of articles; a Link header with rel=next points to the next page",
      content = @Content(schema = @Schema(implementation = ArticlePage.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response list(
      @BeanParam ArticleListParams params, @Context UriInfo uri, @Context HttpHeaders headers) {
    return pages.response(articles.list(params, Optional.empty()), uri, headers);
  }

  @GET
  @Path("{slug}")
  @PermitAll
  @Operation(
      summary = "Read an article",
      description =
          "The article page: Markdown source, sanitised HTML, links, the republication notice"
              + " and whether the original source can be opened. Carries an ETag.")
  @APIResponse(
      responseCode = "200",
      description = "The article",
      content = @Content(schema = @Schema(implementation = ArticleDetail.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response get(
      @RestPath @Parameter(example = "rust-is-now-a-first-class-language-in-the-linux-kernel")
          String slug,
      @Context HttpHeaders headers) {
    return representations.json(headers, articles.detail(slug));
  }
}
