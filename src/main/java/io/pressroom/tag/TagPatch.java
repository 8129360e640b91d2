package io.pressroom.tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.pressroom.web.MergePatch;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PATCH /api/v1/tags/{slug} as a typed merge-patch: the fields the body names, with their new
 * values (null clears the description); the fields it does not name stay as they are.
 */
record TagPatch(Set<String> named, String name, String description) {

  static final Set<String> FIELDS = Set.of("name", "description");

  /** Refuses any other field, and values that are not strings or null. */
  static TagPatch of(JsonNode body) {
    MergePatch patch = MergePatch.of(body, FIELDS);
    return new TagPatch(
        FIELDS.stream().filter(patch::has).collect(Collectors.toUnmodifiableSet()),
        patch.text("name", null),
        patch.text("description", null));
  }

  /** The tag as it would be with this patch applied, to validate like a new one. */
  TagRequest applyTo(Tag tag) {
    return new TagRequest(
        named.contains("name") ? name : tag.name,
        named.contains("description") ? description : tag.description);
  }
}
