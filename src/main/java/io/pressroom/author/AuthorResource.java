package io.pressroom.author;

import io.pressroom.account.CurrentUser;
import io.pressroom.web.FieldsParam;
import io.pressroom.web.PagingParams;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/authors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authors")
public class AuthorResource {

  private final AuthorService authors;
  private final Representations representations;
  private final CurrentUser currentUser;

  AuthorResource(AuthorService authors, Representations representations, CurrentUser currentUser) {
    this.authors = authors;
    this.representations = representations;
    this.currentUser = currentUser;
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "listAuthors",
      summary = "List authors",
      description =
          "Accounts that write, with their follower and published article counts. A signed-in"
              + " caller also gets viewer.following on each; such answers are private.")
  @APIResponse(
      responseCode = "200",
      description = "A page of authors",
      content = @Content(schema = @Schema(implementation = AuthorPage.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public Response list(
      @RestQuery
          @Parameter(
              description = "name (default), -followers or -articles",
              schema =
                  @Schema(
                      enumeration = {"name", "-followers", "-articles"},
                      defaultValue = "name"))
          String sort,
      @BeanParam PagingParams paging,
      @Context UriInfo uri,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    AuthorPage body = authors.list(sort, paging.request(), currentUser.caller());
    return representations.collection(headers, uri, fields, body, body.page().next());
  }

  @GET
  @Path("{handle}")
  @PermitAll
  @Operation(
      operationId = "getAuthor",
      summary = "Read an author's profile",
      description =
          "A signed-in caller also gets viewer.following, whether they follow the author; such"
              + " answers are private.")
  @APIResponse(
      responseCode = "200",
      description = "The author",
      content = @Content(schema = @Schema(implementation = AuthorProfile.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(
      @RestPath @Parameter(example = "northwind-desk") String handle,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    return representations.json(headers, fields, authors.get(handle, currentUser.caller()));
  }
}
