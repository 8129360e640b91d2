package io.pressroom.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.web.MergePatch;
import io.pressroom.web.ProblemException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PATCH /api/v1/webhooks/{id} as a typed merge-patch: the fields the body names with their new
 * values; null clears tags, authors (no restriction) and description. The secret is not among them:
 * it changes only by rotation.
 */
record WebhookPatch(
    Set<String> named,
    String url,
    List<String> events,
    List<String> tags,
    List<String> authors,
    String description,
    Boolean enabled) {

  static final Set<String> FIELDS =
      Set.of("url", "events", "tags", "authors", "description", "enabled");

  static WebhookPatch of(JsonNode body) {
    MergePatch patch = MergePatch.of(body, FIELDS);
    if (patch.has("url") && body.get("url").isNull()) {
      throw ProblemException.invalidField("url", "must not be null");
    }
    if (patch.has("events") && body.get("events").isNull()) {
      throw ProblemException.invalidField("events", "must not be null");
    }
    if (patch.has("enabled") && body.get("enabled").isNull()) {
      throw ProblemException.invalidField("enabled", "must be true or false");
    }
    return new WebhookPatch(
        FIELDS.stream().filter(patch::has).collect(Collectors.toUnmodifiableSet()),
        patch.text("url", null),
        patch.texts("events", null),
        patch.texts("tags", null),
        patch.texts("authors", null),
        patch.text("description", null),
        patch.bool("enabled", null));
  }

  /** The subscription as it would be with this patch applied, to validate like a new one. */
  WebhookViews.NewWebhook applyTo(WebhookViews.Webhook current) {
    return new WebhookViews.NewWebhook(
        named.contains("url") ? url : current.url(),
        named.contains("events") ? events : current.events(),
        named.contains("tags") ? tags : current.tags(),
        named.contains("authors") ? authors : current.authors(),
        named.contains("description") ? description : current.description(),
        named.contains("enabled") ? enabled : current.enabled());
  }
}
