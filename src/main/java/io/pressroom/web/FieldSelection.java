package io.pressroom.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    Set<String> wanted = new LinkedHashSet<>();
    for (String name : fields.split(",")) {
      if (!name.isBlank()) {
        wanted.add(name.trim());
      }
    }
    if (wanted.isEmpty()) {
      throw ProblemException.invalidParameter("fields", "name at least one field");
    }
    Class<?> itemType = itemType(body.getClass());
    Class<?> shape = itemType == null ? body.getClass() : itemType;
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
    ObjectNode tree = mapper.valueToTree(body);
    if (itemType == null) {
      tree.retain(wanted);
    } else {
      tree.get("items").forEach(item -> ((ObjectNode) item).retain(wanted));
    }
    return tree;
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
