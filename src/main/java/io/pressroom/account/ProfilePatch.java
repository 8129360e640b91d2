package io.pressroom.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.web.MergePatch;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PATCH /api/v1/me as a typed merge-patch: the fields the body names, with their new values (null
 * clears bio, avatarUrl or websiteUrl); the fields it does not name stay as they are.
 */
record ProfilePatch(
    Set<String> named,
    String name,
    String bio,
    String avatarUrl,
    String websiteUrl,
    String password,
    String currentPassword) {

  static final Set<String> FIELDS =
      Set.of("name", "bio", "avatarUrl", "websiteUrl", "password", "currentPassword");

  /** Refuses any other field, and values that are not strings or null. */
  static ProfilePatch of(JsonNode body) {
    MergePatch patch = MergePatch.of(body, FIELDS);
    return new ProfilePatch(
        FIELDS.stream().filter(patch::has).collect(Collectors.toUnmodifiableSet()),
        patch.text("name", null),
        patch.text("bio", null),
        patch.text("avatarUrl", null),
        patch.text("websiteUrl", null),
        patch.text("password", null),
        patch.text("currentPassword", null));
  }

  /** The profile as it would be with this patch applied, to validate before anything changes. */
  ProfileFields applyTo(Account account) {
    return new ProfileFields(
        valueOr("name", name, account.name),
        valueOr("bio", bio, account.bio),
        valueOr("avatarUrl", avatarUrl, account.avatarUrl),
        valueOr("websiteUrl", websiteUrl, account.websiteUrl));
  }

  boolean setsPassword() {
    return named.contains("password");
  }

  boolean namesCurrentPassword() {
    return named.contains("currentPassword");
  }

  private String valueOr(String field, String value, String current) {
    return named.contains(field) ? value : current;
  }
}
