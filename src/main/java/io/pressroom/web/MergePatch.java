package io.pressroom.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pressroom.text.SafeText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A partial update in JSON merge-patch style: a field that is absent stays as it is, a field set to
 * null is cleared. Only the named fields may appear, so nothing else (an author, a role, a counter,
 * a timestamp) can be set through a body.
 */
public final class MergePatch {

  private final ObjectNode body;

  private MergePatch(ObjectNode body) {
    this.body = body;
  }

  public static MergePatch of(JsonNode body, Set<String> allowed) {
    if (body == null || !body.isObject()) {
      throw new ProblemException(
          ProblemType.MALFORMED_BODY, "Send a JSON object with the fields to change.");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        errors.add(new Problem.FieldError(name, "cannot be set here"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION, "The body names fields that cannot be changed here.", errors);
    }
    return new MergePatch((ObjectNode) body);
  }

  public boolean has(String field) {
    return body.has(field);
  }

  /** The new text of a present field: a string, or null to clear it. */
  public String text(String field, String current) {
    if (!body.has(field)) {
      return current;
    }
    JsonNode value = body.get(field);
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ProblemException.invalidField(field, "must be a string or null");
    }
    return safe(field, value.asText());
  }

  /** The body is read as a tree, which the string rule of {@link StrictJson} does not reach. */
  private static String safe(String field, String text) {
    if (!SafeText.isSafe(text)) {
      throw ProblemException.invalidField(field, SafeText.MESSAGE);
    }
    return text;
  }

  public Boolean bool(String field, Boolean current) {
    if (!body.has(field)) {
      return current;
    }
    JsonNode value = body.get(field);
    if (!value.isBoolean()) {
      throw ProblemException.invalidField(field, "must be true or false");
    }
    return value.asBoolean();
  }

  /** The new list of strings of a present field; null clears it to an empty list. */
  public List<String> texts(String field, List<String> current) {
    if (!body.has(field)) {
      return current;
    }
    JsonNode value = body.get(field);
    if (value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw ProblemException.invalidField(field, "must be an array of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw ProblemException.invalidField(field, "must be an array of strings");
      }
      texts.add(safe(field, item.asText()));
    }
    return texts;
  }
}
