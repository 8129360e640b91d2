package io.pressroom.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * The body every attempt of an event sends, written once when the event is recorded and kept as
 * text, so that every subscription and every retry get the same bytes (and signatures over them).
 * Thin and stable: what happened, when, and where to fetch the resource ({@code url}, on the
 * configured public base URL); never the resource itself, which may have changed again by the time
 * the receiver reads it. The shapes are documented in the OpenAPI document's {@code webhooks}
 * ({@code openapi/ApiWebhooks}); a test holds both to the same fields.
 */
@JsonPropertyOrder({"id", "type", "timestamp", "data"})
record WebhookPayload(String id, String type, Instant timestamp, Object data) {

  /** article.*: the article; {@code publishedAt} for article.published and article.scheduled. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "slug", "url", "publishedAt"})
  record ArticleData(long id, String slug, String url, Instant publishedAt) {}

  /** comment.*: the comment and the article it is on. */
  @JsonPropertyOrder({"id", "articleSlug", "url"})
  record CommentData(long id, String articleSlug, String url) {}

  /** tag.*: the tag. */
  @JsonPropertyOrder({"id", "slug", "url"})
  record TagData(long id, String slug, String url) {}

  /** webhook.test: the subscription it was sent to. */
  record TestData(long subscriptionId) {}
}
