package io.pressroom.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pressroom.account.CurrentUser;
import io.pressroom.web.FieldsParam;
import io.pressroom.web.Representations;
import io.pressroom.web.ResponseDependencies;
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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

  private final ArticleService articles;
  private final ArticleAuthoring authoring;
  private final ArticlePages pages;
  private final Representations representations;
  private final CurrentUser currentUser;
  private final ObjectMapper mapper;
  private final ResponseDependencies dependencies;

  ArticleResource(
      ArticleService articles,
      ArticleAuthoring authoring,
      ArticlePages pages,
      Representations representations,
      CurrentUser currentUser,
      ObjectMapper mapper,
      ResponseDependencies dependencies) {
    this.mapper = mapper;
    this.dependencies = dependencies;
    this.articles = articles;
    this.authoring = authoring;
    this.pages = pages;
    this.representations = representations;
    this.currentUser = currentUser;
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "listArticles",
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
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response list(
      @BeanParam ArticleListParams params,
      @Context UriInfo uri,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    return pages.response(
        articles.list(params, Optional.empty(), currentUser.caller()), uri, headers, fields);
  }

  @GET
  @Path("{slug}")
  @PermitAll
  @Operation(
      operationId = "getArticle",
      summary = "Read an article",
      description =
          "The article page: Markdown source, sanitised HTML, links, the republication notice"
              + " and whether the original source can be opened. Its author and editors also see"
              + " it unpublished. The ETag serves If-None-Match and If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The article",
      content = @Content(schema = @Schema(implementation = ArticleDetail.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response get(
      @RestPath @Parameter(example = "rust-is-no-longer-an-experiment-in-the-linux-kernel")
          String slug,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    return detail(headers, fields, slug, 200);
  }

  @POST
  @RolesAllowed("author")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createArticle",
      summary = "Write an article (author)",
      description =
          "Creates a draft by the caller. The slug comes from the title and is unique; unknown"
              + " tag names create tags.")
  @APIResponse(
      responseCode = "201",
      description = "The draft; Location names it",
      content = @Content(schema = @Schema(implementation = ArticleDetail.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response create(
      @Valid @NotNull ArticleRequest request,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    String slug = authoring.create(currentUser.required(), request);
    return Response.fromResponse(detail(headers, fields, slug, 201))
        .location(representations.location("/api/v1/articles/" + slug))
        .build();
  }

  @PATCH
  @Path("{slug}")
  @RolesAllowed("author")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateArticle",
      summary = "Change an article (its author or an editor)",
      description =
          "Partial update: absent fields stay, null clears an optional field. With If-Match, the"
              + " change happens only if the article is unchanged since that ETag (else 412). On a"
              + " published or scheduled article only an editor may change sourceUrl,"
              + " referenceUrl or coverImageUrl (where the publication sends its readers): its"
              + " author gets a 403 naming the field; repeating the stored value is no change.")
  @RequestBody(content = @Content(schema = @Schema(implementation = ArticleRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The changed article",
      content = @Content(schema = @Schema(implementation = ArticleDetail.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  public Response update(
      @RestPath String slug,
      @RestHeader("If-Match") @Parameter(in = ParameterIn.HEADER, name = "If-Match") String ifMatch,
      JsonNode body,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    ArticlePatch patch = ArticlePatch.of(body);
    authoring.update(currentUser.required(), slug, patch, Optional.ofNullable(ifMatch));
    return detail(headers, fields, slug, 200);
  }

  @POST
  @Path("{slug}/publish")
  @RolesAllowed("editor")
  @Operation(
      operationId = "publishArticle",
      summary = "Publish or schedule an article (editor)",
      description =
          "Without a body or with at null, publishes now; with a future at, schedules it: the"
              + " article becomes public at that instant.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PublishRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The article, published or scheduled",
      content = @Content(schema = @Schema(implementation = ArticleDetail.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  @Consumes(MediaType.WILDCARD)
  public Response publish(
      @RestPath String slug,
      String body,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers)
      throws JsonProcessingException {
    PublishRequest request =
        body == null || body.isBlank() ? null : mapper.readValue(body, PublishRequest.class);
    authoring.publish(
        currentUser.required(), slug, Optional.ofNullable(request).map(PublishRequest::at));
    return detail(headers, fields, slug, 200);
  }

  @POST
  @Path("{slug}/unpublish")
  @RolesAllowed("editor")
  @Operation(operationId = "unpublishArticle", summary = "Take an article back to draft (editor)")
  @APIResponse(
      responseCode = "200",
      description = "The article, now a draft",
      content = @Content(schema = @Schema(implementation = ArticleDetail.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response unpublish(
      @RestPath String slug, @BeanParam FieldsParam fields, @Context HttpHeaders headers) {
    authoring.unpublish(currentUser.required(), slug);
    return detail(headers, fields, slug, 200);
  }

  @DELETE
  @Path("{slug}")
  @RolesAllowed("author")
  @Operation(
      operationId = "deleteArticle",
      summary = "Delete an article (its author or an editor)",
      description = "Soft delete: it leaves every list, and its page answers 410 from now on.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response delete(@RestPath String slug) {
    authoring.delete(currentUser.required(), slug);
    return Response.noContent().build();
  }

  private Response detail(HttpHeaders headers, FieldsParam fields, String slug, int status) {
    Optional<CurrentUser.Caller> caller = currentUser.caller();
    ArticleService.VersionedDetail detail = articles.detail(slug, caller);
    dependencies.add(List.of(detail.articleId()));
    if (detail.publicDetail() != null) {
      dependencies.articlePage(detail.articleId(), detail.authorId(), detail.versionTag());
      if (caller.isPresent()) {
        // What everyone sees (whole: only a page asked for without options is kept), so that a
        // signed-in reader's miss is kept for the next readers.
        dependencies.publicBody(representations.serialize(detail.publicDetail()));
      }
    }
    Response response = representations.json(headers, fields, detail.detail(), detail.versionTag());
    return status == 200 ? response : Response.fromResponse(response).status(status).build();
  }
}
