package io.pressroom.openapi;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What the schemas of the answers promise, so that generated types need no null checks where none
 * are due: every property of a response schema is required (the server always sends it, as null
 * where the schema allows null) except those that are left out when empty, listed in {@link
 * #SOMETIMES_ABSENT} (the Java records mark them {@code @JsonInclude(NON_NULL)}; a test checks that
 * both agree). Also: partial updates get schemas of their own (every field optional), and an
 * enumeration without a type is a string.
 */
final class ApiSchemas {

  /** Properties of response schemas that are left out rather than sent as null. */
  static final Map<String, Set<String>> SOMETIMES_ABSENT =
      Map.of(
          "ArticleDetail", Set.of("viewer"),
          "ArticleSummary", Set.of("highlight"),
          "Author", Set.of("viewer"),
          "Change", Set.of("updatedAt", "article", "deletedAt"),
          "Problem", Set.of("detail", "instance", "errors"),
          "SearchHighlight", Set.of("title"));

  /**
   * PATCH operations (JSON merge-patch) and the schema of their body, made from the create schema:
   * every field optional, and those that null clears nullable.
   */
  static final Map<String, Patch> PATCHES =
      Map.of(
          "updateArticle", new Patch("ArticlePatch", Set.of("tags")),
          "updateTag", new Patch("TagPatch", Set.of()),
          "updateWebhook", new Patch("WebhookPatch", Set.of("tags", "authors", "description")));

  record Patch(String schema, Set<String> alsoClearable) {}

  private static final String SCHEMAS = "#/components/schemas/";

  private ApiSchemas() {}

  static void describe(OpenAPI openAPI) {
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        if (PATCHES.containsKey(operation.getOperationId())) {
          patch(openAPI.getComponents(), operation, PATCHES.get(operation.getOperationId()));
        }
        if (operation.getParameters() != null) {
          operation.getParameters().stream()
              .map(Parameter::getSchema)
              .forEach(ApiSchemas::typeEnumerations);
        }
      }
    }
    schemas.values().forEach(ApiSchemas::typeEnumerations);
    schemas.values().forEach(ApiSchemas::dropRedundantTypes);
    for (String name : responseSchemas(openAPI)) {
      Schema schema = schemas.get(name);
      if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
        Set<String> absent = SOMETIMES_ABSENT.getOrDefault(name, Set.of());
        List<String> required = new ArrayList<>();
        schema.getProperties().keySet().stream()
            .filter(p -> !absent.contains(p))
            .forEach(required::add);
        schema.setRequired(required);
      }
    }
  }

  /** The names of the component schemas that answers use, directly or inside one another. */
  static Set<String> responseSchemas(OpenAPI openAPI) {
    // Accepts null (a schema without items, say), unlike ArrayDeque.
    Deque<Schema> pending = new LinkedList<>();
    Consumer<APIResponse> answer =
        response -> {
          if (response.getContent() != null) {
            response.getContent().getMediaTypes().values().stream()
                .map(MediaType::getSchema)
                .forEach(pending::add);
          }
        };
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        operation.getResponses().getAPIResponses().values().forEach(answer);
      }
    }
    openAPI.getComponents().getResponses().values().forEach(answer);
    Set<String> names = new LinkedHashSet<>();
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    while (!pending.isEmpty()) {
      Schema schema = pending.pop();
      if (schema == null) {
        continue;
      }
      if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
        String name = schema.getRef().substring(SCHEMAS.length());
        if (names.add(name)) {
          pending.add(schemas.get(name));
        }
      }
      if (schema.getProperties() != null) {
        pending.addAll(schema.getProperties().values());
      }
      pending.add(schema.getItems());
      pending.add(schema.getAdditionalPropertiesSchema());
      for (List<Schema> group :
          List.of(nn(schema.getAnyOf()), nn(schema.getOneOf()), nn(schema.getAllOf()))) {
        pending.addAll(group);
      }
    }
    return names;
  }

  private static List<Schema> nn(List<Schema> list) {
    return list == null ? List.of() : list;
  }

  /** An enumeration of strings says it is a string (else generators type it as anything). */
  private static void typeEnumerations(Schema schema) {
    if (schema == null) {
      return;
    }
    if (schema.getEnumeration() != null
        && (schema.getType() == null || schema.getType().isEmpty())
        && schema.getEnumeration().stream().allMatch(String.class::isInstance)) {
      schema.setType(List.of(SchemaType.STRING));
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(ApiSchemas::typeEnumerations);
    }
    typeEnumerations(schema.getItems());
  }

  /**
   * A property that is a reference ({@code $ref}, or {@code anyOf} a reference and null) carries no
   * {@code type} of its own: SmallRye repeats it beside the reference, and generators then build
   * unions such as {@code ((AuthorRef | null) | null) | AuthorRef | null}.
   */
  private static void dropRedundantTypes(Schema schema) {
    if (schema.getProperties() == null) {
      return;
    }
    for (Schema property : schema.getProperties().values()) {
      boolean referenceOrNull =
          property.getAnyOf() != null
              && property.getAnyOf().stream()
                  .allMatch(
                      s -> s.getRef() != null || List.of(SchemaType.NULL).equals(s.getType()));
      if (property.getRef() != null || referenceOrNull) {
        property.setType(null);
      }
    }
  }

  private static void patch(Components components, Operation operation, Patch patch) {
    Content content = operation.getRequestBody().getContent();
    MediaType json = content.getMediaType("application/json");
    String created = json.getSchema().getRef().substring(SCHEMAS.length());
    Schema source = components.getSchemas().get(created);
    Map<String, Schema> properties = new LinkedHashMap<>();
    source
        .getProperties()
        .forEach(
            (name, property) ->
                properties.put(
                    name, patch.alsoClearable().contains(name) ? orNull(property) : property));
    components.addSchema(
        patch.schema(),
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .description(
                "A JSON merge-patch of "
                    + created
                    + ": a field left out stays as it is, null clears an optional one")
            .properties(properties)
            .additionalPropertiesBoolean(false));
    json.setSchema(OASFactory.createSchema().ref(SCHEMAS + patch.schema()));
  }

  /** The same property, with null allowed. */
  private static Schema orNull(Schema property) {
    Schema copy = OASFactory.createSchema();
    List<SchemaType> types = new ArrayList<>(property.getType());
    types.add(SchemaType.NULL);
    copy.setType(types);
    copy.setItems(property.getItems());
    copy.setMaxItems(property.getMaxItems());
    copy.setDescription(property.getDescription());
    return copy;
  }
}
