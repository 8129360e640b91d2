package io.pressroom.webhook;

import io.pressroom.web.PageInfo;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of webhooks. */
public final class WebhookViews {

  static final int MAX_EVENTS = 20;
  static final int MAX_SCOPE = 50;
  static final int MAX_DESCRIPTION = 500;

  private WebhookViews() {}

  /** What an admin sends to subscribe. */
  @Schema(name = "NewWebhook")
  public record NewWebhook(
      @NotBlank
          @Size(max = TargetPolicy.MAX_URL_LENGTH)
          @Schema(
              description = "Where events are POSTed: https (http only where allowed)",
              example = "https://hooks.example.com/pressroom")
          String url,
      @NotEmpty
          @Size(max = MAX_EVENTS)
          @Schema(
              description = "The event types wanted",
              example = "[\"article.published\", \"article.updated\"]")
          List<@NotBlank String> events,
      @Size(max = MAX_SCOPE)
          @Schema(
              description =
                  "Only article and comment events of articles with one of these tags (slugs);"
                      + " absent, null or empty: every article",
              example = "[\"rust\"]")
          List<@NotBlank String> tags,
      @Size(max = MAX_SCOPE)
          @Schema(
              description =
                  "Only article and comment events of articles by one of these authors (handles);"
                      + " absent, null or empty: every author")
          List<@NotBlank String> authors,
      @Size(max = MAX_DESCRIPTION) @Schema(example = "Rebuild the static site") String description,
      @Schema(description = "Whether events are sent (default true)", defaultValue = "true")
          Boolean enabled) {}

  /** A subscription as shown: never its secret. */
  @Schema(name = "Webhook")
  public record Webhook(
      @Schema(example = "3") long id,
      @Schema(example = "https://hooks.example.com/pressroom") String url,
      List<String> events,
      @Schema(description = "Tag slugs it is limited to; null: every article", nullable = true)
          List<String> tags,
      @Schema(description = "Author handles it is limited to; null: every author", nullable = true)
          List<String> authors,
      @Schema(nullable = true) String description,
      boolean enabled,
      @Schema(
              description =
                  "Why the server disabled it: gone (the target answered 410) or failing"
                      + " (deliveries kept failing); null when enabled or disabled by an admin",
              enumeration = {"gone", "failing"},
              nullable = true)
          String disabledReason,
      @Schema(description = "When it was disabled", nullable = true) Instant disabledAt,
      @Schema(
              description = "Until when the secret before the last rotation still signs",
              nullable = true)
          Instant previousSecretExpiresAt,
      Instant createdAt,
      Instant updatedAt) {}

  /** A new subscription: the only answer besides a rotation that contains its secret. */
  @Schema(name = "CreatedWebhook")
  public record Created(
      long id,
      String url,
      List<String> events,
      @Schema(nullable = true) List<String> tags,
      @Schema(nullable = true) List<String> authors,
      @Schema(nullable = true) String description,
      boolean enabled,
      @Schema(
              enumeration = {"gone", "failing"},
              nullable = true)
          String disabledReason,
      @Schema(nullable = true) Instant disabledAt,
      @Schema(nullable = true) Instant previousSecretExpiresAt,
      Instant createdAt,
      Instant updatedAt,
      @Schema(
              description =
                  "The signing secret (Standard Webhooks); shown only now: keep it to verify"
                      + " webhook-signature",
              example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
          String secret) {

    static Created of(Webhook view, String secret) {
      return new Created(
          view.id(),
          view.url(),
          view.events(),
          view.tags(),
          view.authors(),
          view.description(),
          view.enabled(),
          view.disabledReason(),
          view.disabledAt(),
          view.previousSecretExpiresAt(),
          view.createdAt(),
          view.updatedAt(),
          secret);
    }
  }

  @Schema(name = "WebhookPage")
  public record WebhookPage(List<Webhook> items, PageInfo page) {}

  /** A rotated secret: the new one, shown only now; the old one signs too until the instant. */
  @Schema(name = "WebhookSecret")
  public record Secret(
      @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
      Instant previousSecretExpiresAt) {}

  /** A webhook.test event on its way. */
  @Schema(name = "WebhookTestSent")
  public record TestSent(
      @Schema(
              description = "Its webhook-id; filter the delivery log with event=",
              example = "msg_2f8k1q0c9v7x3m5n6p4r8t2w1z")
          String messageId) {}

  /** One attempt to deliver an event, as the delivery log shows it. */
  @Schema(name = "WebhookAttempt")
  public record Attempt(
      @Schema(example = "812") long id,
      @Schema(description = "The event's webhook-id", example = "msg_2f8k1q0c9v7x3m5n6p4r8t2w1z")
          String messageId,
      @Schema(example = "article.published") String type,
      Instant attemptedAt,
      @Schema(description = "HTTP status; null when no answer came", nullable = true)
          Integer status,
      @Schema(example = "182") int durationMs,
      @Schema(
              description = "Why no answer came or why it did not count",
              nullable = true,
              example = "timed out after 10 s")
          String error,
      @Schema(description = "The first bytes of the response body", nullable = true)
          String responseExcerpt,
      @Schema(description = "1 for the first attempt of this delivery", example = "1") int attempt,
      @Schema(
              description = "Where the delivery stands now",
              enumeration = {"pending", "delivered", "failed"})
          String deliveryState,
      @Schema(description = "When a pending delivery is tried next", nullable = true)
          Instant nextAttemptAt) {}

  @Schema(name = "WebhookAttemptPage")
  public record AttemptPage(List<Attempt> items, PageInfo page) {}

  /** Which deliveries to send again: one event's, or every failed one since an instant. */
  @Schema(name = "RedeliveryRequest")
  public record RedeliveryRequest(
      @Schema(
              description = "The webhook-id of the event to send again",
              example = "msg_2f8k1q0c9v7x3m5n6p4r8t2w1z")
          String event,
      @Schema(description = "Send again every failed delivery last tried at or after this")
          Instant since) {}

  @Schema(name = "Redelivered")
  public record Redelivered(
      @Schema(description = "How many deliveries are due again", example = "4") int redelivered) {}
}
