package io.pressroom.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.web.Links;
import io.pressroom.web.PagingParams;
import io.pressroom.web.ProblemException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Webhook subscriptions, admin only: answers are private and never kept by caches. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed("admin")
public class WebhookResource {

  private static final String PRIVATE = "private, no-store";

  private final WebhookService webhooks;
  private final Links links;

  WebhookResource(WebhookService webhooks, Links links) {
    this.webhooks = webhooks;
    this.links = links;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createWebhook",
      summary = "Subscribe a URL to events (admin)",
      description =
          "Events are POSTed to the URL after their change commits, signed as Standard Webhooks"
              + " sign them. The answer holds the signing secret: the only time it is shown.")
  @APIResponse(
      responseCode = "201",
      description = "The new subscription with its secret; Location names it",
      content = @Content(schema = @Schema(implementation = WebhookViews.Created.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response create(@Valid @NotNull WebhookViews.NewWebhook request) {
    WebhookViews.Created created = webhooks.create(request);
    return Response.created(links.absolute("/api/v1/webhooks/" + created.id()))
        .header("Cache-Control", "no-store")
        .entity(created)
        .build();
  }

  @GET
  @Operation(
      operationId = "listWebhooks",
      summary = "List webhook subscriptions (admin)",
      description = "Oldest first; never with their secrets.")
  @APIResponse(
      responseCode = "200",
      description = "A page of subscriptions",
      content = @Content(schema = @Schema(implementation = WebhookViews.WebhookPage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response list(@BeanParam PagingParams paging, @Context UriInfo uri) {
    WebhookViews.WebhookPage page = webhooks.list(paging.request());
    return page(page, page.page().next(), uri);
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getWebhook", summary = "Read a webhook subscription (admin)")
  @APIResponse(
      responseCode = "200",
      description = "The subscription, without its secret",
      content = @Content(schema = @Schema(implementation = WebhookViews.Webhook.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(
      @RestPath
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          String id) {
    return ok(webhooks.get(id(id)));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateWebhook",
      summary = "Change a webhook subscription (admin)",
      description =
          "A JSON merge-patch of url, events, tags, authors, description and enabled. Enabling"
              + " clears disabledReason and sends the deliveries still pending at once; after a"
              + " server disable there are none (they failed): redeliver those failed since"
              + " disabledAt.")
  @RequestBody(content = @Content(schema = @Schema(implementation = WebhookViews.NewWebhook.class)))
  @APIResponse(
      responseCode = "200",
      description = "The changed subscription",
      content = @Content(schema = @Schema(implementation = WebhookViews.Webhook.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response update(
      @RestPath
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          String id,
      JsonNode body) {
    return ok(webhooks.update(id(id), WebhookPatch.of(body)));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteWebhook",
      summary = "Delete a webhook subscription (admin)",
      description = "Its pending deliveries and its delivery log go with it.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response delete(
      @RestPath
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          String id) {
    webhooks.delete(id(id));
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/secret")
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Rotate a subscription's signing secret (admin)",
      description =
          "The new secret is in this answer only. Until previousSecretExpiresAt every delivery"
              + " carries a second signature made with the previous secret.")
  @APIResponse(
      responseCode = "200",
      description = "The new secret",
      content = @Content(schema = @Schema(implementation = WebhookViews.Secret.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response rotateSecret(
      @RestPath
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          String id) {
    return ok(webhooks.rotateSecret(id(id)));
  }

  @POST
  @Path("{id}/test")
  @Operation(
      operationId = "testWebhook",
      summary = "Send a webhook.test event to this subscription (admin)",
      description = "Delivered like any event; follow it in the delivery log by its messageId.")
  @APIResponse(
      responseCode = "202",
      description = "The event is on its way",
      content = @Content(schema = @Schema(implementation = WebhookViews.TestSent.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response test(
      @RestPath
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          String id) {
    return Response.accepted(webhooks.test(id(id))).header("Cache-Control", PRIVATE).build();
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "A subscription's delivery log (admin)",
      description =
          "Every attempt to deliver an event to this subscription, newest first: when, the status"
              + " that came back, how long it took, the start of the response body. Kept for"
              + " PRESSROOM_WEBHOOKS_RETENTION.")
  @APIResponse(
      responseCode = "200",
      description = "A page of attempts",
      content = @Content(schema = @Schema(implementation = WebhookViews.AttemptPage.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response deliveries(
      @RestPath
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          String id,
      @RestQuery
          @Parameter(
              description = "Only this event's attempts (its webhook-id, msg_...)",
              schema = @Schema(type = SchemaType.STRING))
          String event,
      @BeanParam PagingParams paging,
      @Context UriInfo uri) {
    WebhookViews.AttemptPage page =
        webhooks.attempts(
            id(id), Optional.ofNullable(event).filter(e -> !e.isBlank()), paging.request());
    return page(page, page.page().next(), uri);
  }

  @POST
  @Path("{id}/redeliveries")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "redeliverWebhook",
      summary = "Send deliveries again (admin)",
      description =
          "One event's delivery ({\"event\": \"msg_...\"}), or every delivery that failed at or"
              + " after an instant ({\"since\": \"2026-11-30T08:00:00Z\"}; after the server"
              + " disabled the subscription, its disabledAt brings back every delivery that"
              + " failed with it): due now, with a fresh retry schedule and the same webhook-id.")
  @APIResponse(
      responseCode = "202",
      description = "How many deliveries are due again",
      content = @Content(schema = @Schema(implementation = WebhookViews.Redelivered.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response redeliver(
      @RestPath
          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          String id,
      @Valid @NotNull WebhookViews.RedeliveryRequest request) {
    return Response.accepted(webhooks.redeliver(id(id), request))
        .header("Cache-Control", PRIVATE)
        .build();
  }

  private Response ok(Object body) {
    return Response.ok(body).header("Cache-Control", PRIVATE).build();
  }

  private Response page(Object body, String next, UriInfo uri) {
    Response.ResponseBuilder response = Response.ok(body).header("Cache-Control", PRIVATE);
    if (next != null) {
      response.header("Link", links.next(uri, next));
    }
    return response.build();
  }

  /** A subscription id; anything else names no subscription (404, as an unknown id does). */
  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("No webhook subscription has the id " + id + ".");
    }
  }
}
