package io.pressroom.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code fields=a,b,c}: keeps only those top-level fields of a detail answer, or of each item of a
 * collection answer (whose page stays whole). Names are checked against the answer's shape, so a
 * typo is a 400 rather than an empty object.
 */
final class FieldSelection {

  private FieldSelection() {}

  static JsonNode trim(ObjectMapper mapper, Object body, String fields) {
    Class<?> itemType = itemType(body.getClass());
    Set<String> wanted = wanted(itemType == null ? body.getClass() : itemType, fields);
    ObjectNode tree = mapper.valueToTree(body);
    if (itemType == null) {
      tree.retain(wanted);
    } else {
      tree.get("items").forEach(item -> ((ObjectNode) item).retain(wanted));
    }
    return tree;
  }

  /**
   * A collection answer already written as JSON, its items (of type {@code itemType}) trimmed; the
   * same bytes as {@link #trim} of the equivalent record.
   */
  static byte[] trimWritten(ObjectMapper mapper, byte[] json, Class<?> itemType, String fields) {
    Set<String> wanted = wanted(itemType, fields);
    try {
      JsonNode tree = mapper.readTree(json);
      tree.get("items").forEach(item -> ((ObjectNode) item).retain(wanted));
      return mapper.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new IllegalStateException("Could not trim a written collection", e);
    }
  }

  /** The names asked for, each a field of {@code shape} (else a 400). */
  private static Set<String> wanted(Class<?> shape, String fields) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String name : fields.split(",")) {
      if (!name.isBlank()) {
        wanted.add(name.trim());
      }
    }
    if (wanted.isEmpty()) {
      throw ProblemException.invalidParameter("fields", "name at least one field");
    }
    if (!shape.isRecord()) {
      throw ProblemException.invalidParameter("fields", "this answer cannot be trimmed");
    }
    List<String> allowed =
        Arrays.stream(shape.getRecordComponents()).map(RecordComponent::getName).toList();
    Set<String> unknown =
        wanted.stream()
            .filter(n -> !allowed.contains(n))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (!unknown.isEmpty()) {
      throw ProblemException.invalidParameter(
          "fields",
          "unknown field " + String.join(", ", unknown) + "; known: " + String.join(", ", allowed));
    }
    return wanted;
  }

  /** The element type of a collection answer: a record with items (a List) and page. */
  private static Class<?> itemType(Class<?> type) {
    if (!type.isRecord()) {
      return null;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals("items")
          && component.getGenericType() instanceof ParameterizedType list) {
        Type element = list.getActualTypeArguments()[0];
        return element instanceof Class<?> c ? c : null;
      }
    }
    return null;
  }
}
