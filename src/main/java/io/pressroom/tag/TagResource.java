package io.pressroom.tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.account.CurrentUser;
import io.pressroom.article.ArticleListParams;
import io.pressroom.article.ArticlePage;
import io.pressroom.article.ArticlePages;
import io.pressroom.article.ArticleService;
import io.pressroom.web.FieldsParam;
import io.pressroom.web.PagingParams;
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
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

  @POST
  @RolesAllowed("editor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createTag",
      summary = "Create a tag (editor)",
      description =
          "The slug comes from the name. A tag an editor creates is public at once, before any"
              + " article has it.")
  @APIResponse(
      responseCode = "201",
      description = "The new tag; Location names it",
      content = @Content(schema = @Schema(implementation = TagView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response create(@Valid @NotNull TagRequest request) {
    String slug = tags.create(request);
    return Response.created(representations.location("/api/v1/tags/" + slug))
        .entity(tags.get(slug))
        .build();
  }

  @PATCH
  @Path("{slug}")
  @RolesAllowed("editor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateTag",
      summary = "Rename or describe a tag (editor)",
      description = "Partial update of name and description. The slug stays, so URLs keep working.")
  @RequestBody(content = @Content(schema = @Schema(implementation = TagRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The changed tag",
      content = @Content(schema = @Schema(implementation = TagView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public TagView update(@RestPath String slug, JsonNode body) {
    tags.update(slug, TagPatch.of(body));
    return tags.get(slug);
  }

  @DELETE
  @Path("{slug}")
  @RolesAllowed("editor")
  @Operation(
      operationId = "deleteTag",
      summary = "Delete a tag (editor)",
      description = "Also removes it from every article.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response delete(@RestPath String slug) {
    tags.delete(slug);
    return Response.noContent().build();
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "listTags",
      summary = "List tags",
      description =
          "Each tag with its count of published articles. A tag that only drafts or scheduled"
              + " articles have is left out until one of them is published (its page answers 404"
              + " meanwhile); one an editor created, described or renamed is listed with none.")
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
              schema =
                  @Schema(
                      enumeration = {"name", "-articles"},
                      defaultValue = "name"))
          String sort,
      @BeanParam PagingParams paging,
      @Context UriInfo uri,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    TagPage body = tags.list(sort, paging.request());
    return representations.collection(headers, uri, fields, body, body.page().next());
  }

  @GET
  @Path("{slug}")
  @PermitAll
  @Operation(
      operationId = "getTag",
      summary = "Read a tag",
      description = "The tag with its description and its count of published articles.")
  @APIResponse(
      responseCode = "200",
      description = "The tag",
      content = @Content(schema = @Schema(implementation = TagView.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(
      @RestPath @Parameter(example = "rust") String slug,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    return representations.json(headers, fields, tags.get(slug));
  }

  @GET
  @Path("{slug}/articles")
  @PermitAll
  @Operation(
      operationId = "listTagArticles",
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
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    return pages.response(
        articles.list(params, Optional.of(slug), currentUser.caller()), uri, headers, fields);
  }
}
