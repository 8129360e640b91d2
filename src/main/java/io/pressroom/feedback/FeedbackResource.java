package io.pressroom.feedback;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Likes and ratings of published articles. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reader feedback")
public class FeedbackResource {

  private static final String SLUG_EXAMPLE = "rust-is-no-longer-an-experiment-in-the-linux-kernel";

  private final FeedbackService feedback;
  private final Representations representations;
  private final CurrentUser currentUser;

  FeedbackResource(
      FeedbackService feedback, Representations representations, CurrentUser currentUser) {
    this.feedback = feedback;
    this.representations = representations;
    this.currentUser = currentUser;
  }

  @PUT
  @Path("{slug}/like")
  @RolesAllowed("reader")
  @Operation(
      operationId = "likeArticle",
      summary = "Like an article",
      description =
          "Idempotent: liking an article you already like changes nothing. Only published"
              + " articles can be liked.")
  @APIResponse(responseCode = "204", description = "You like the article")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response like(@RestPath @Parameter(example = SLUG_EXAMPLE) String slug) {
    feedback.like(currentUser.required().accountId(), slug);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{slug}/like")
  @RolesAllowed("reader")
  @Operation(
      operationId = "unlikeArticle",
      summary = "Take back your like",
      description = "Idempotent: when you do not like the article, nothing changes.")
  @APIResponse(responseCode = "204", description = "You do not like the article")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response unlike(@RestPath @Parameter(example = SLUG_EXAMPLE) String slug) {
    feedback.unlike(currentUser.required().accountId(), slug);
    return Response.noContent().build();
  }

  @GET
  @Path("{slug}/rating")
  @PermitAll
  @Operation(
      operationId = "getRatings",
      summary = "How readers rated an article",
      description =
          "The average, the count and the number of ratings per score. mine is the signed-in"
              + " caller's own score; it is always present, and null for anonymous callers and"
              + " for readers who have not rated the article. Answers to signed-in callers are"
              + " private.")
  @APIResponse(
      responseCode = "200",
      description = "The ratings",
      content = @Content(schema = @Schema(implementation = RatingSummary.class)))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response ratings(
      @RestPath @Parameter(example = SLUG_EXAMPLE) String slug,
      @BeanParam FieldsParam fields,
      @Context HttpHeaders headers) {
    OptionalLong me =
        currentUser
            .caller()
            .map(c -> OptionalLong.of(c.accountId()))
            .orElseGet(OptionalLong::empty);
    return representations.json(headers, fields, feedback.ratings(slug, me));
  }

  @PUT
  @Path("{slug}/rating")
  @RolesAllowed("reader")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "rateArticle",
      summary = "Rate an article",
      description =
          "One rating per reader: a new score replaces your earlier one. The score is a whole"
              + " number from 1 to 5. Only published articles can be rated.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = RatingRequest.class)))
  @APIResponse(responseCode = "204", description = "Your rating is recorded")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response rate(
      @RestPath @Parameter(example = SLUG_EXAMPLE) String slug,
      @Valid @NotNull(message = "send a JSON object such as {\"score\": 4}") RatingRequest body) {
    long me = currentUser.required().accountId();
    feedback.rate(me, slug, body.score());
    return Response.noContent().build();
  }

  @DELETE
  @Path("{slug}/rating")
  @RolesAllowed("reader")
  @Operation(
      operationId = "unrateArticle",
      summary = "Withdraw your rating",
      description = "Idempotent: when you have not rated the article, nothing changes.")
  @APIResponse(responseCode = "204", description = "You have no rating on the article")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response unrate(@RestPath @Parameter(example = SLUG_EXAMPLE) String slug) {
    feedback.unrate(currentUser.required().accountId(), slug);
    return Response.noContent().build();
  }
}
