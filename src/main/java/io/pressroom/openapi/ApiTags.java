package io.pressroom.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/** Each tag (a group of operations in generated clients and the Swagger UI) with what it covers. */
final class ApiTags {

  static final Map<String, String> DESCRIPTIONS = descriptions();

  private ApiTags() {}

  private static Map<String, String> descriptions() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(
        "Articles",
        "Published articles and their pages; authors write drafts, editors publish, schedule and"
            + " unpublish them. A signed-in reader's feed of followed authors.");
    tags.put("Tags", "Topics, each with its published articles.");
    tags.put("Authors", "Author profiles, and following them as a signed-in reader.");
    tags.put("Comments", "Threaded reader comments on an article (one level of replies).");
    tags.put("Reader feedback", "Likes and 1-5 ratings of an article by signed-in readers.");
    tags.put("Search", "Suggestions while a reader types; full-text search is q on the listings.");
    tags.put(
        "Sign-in",
        "Sessions: an access token (a short-lived bearer JWT) and a rotating refresh token.");
    tags.put("Accounts", "Signing up, the caller's own account, and account administration.");
    tags.put(
        "Original source",
        "The original of a republished article, reachable only by signed-in readers through a"
            + " protected redirect or a short-lived signed link.");
    tags.put("Reports", "Readers report articles; editors work through the reports.");
    tags.put(
        "Delivery",
        "The changes feed: every change to public articles in order, for mirrors and search"
            + " indexes.");
    tags.put("Feeds", "Atom, RSS and JSON Feed documents of the newest published articles.");
    tags.put("API keys", "Aggregator keys: higher rate limits and attributed requests.");
    tags.put(
        "Webhooks",
        "Subscriptions to events (articles, comments, tags), signed deliveries after each"
            + " commit, the delivery log and redelivery. The payloads are under webhooks.");
    return Map.copyOf(tags);
  }

  static void describe(OpenAPI openAPI) {
    List<Tag> tags =
        DESCRIPTIONS.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> OASFactory.createTag().name(e.getKey()).description(e.getValue()))
            .toList();
    openAPI.setTags(new ArrayList<>(tags));
  }
}
