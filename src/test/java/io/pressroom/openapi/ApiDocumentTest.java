package io.pressroom.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What client generators rely on in the committed document ({@code openapi/openapi.json}, which
 * {@code OperationsTest} keeps equal to what is served): stable operation ids, described tags,
 * typed parameters, exact media types, and response schemas that require exactly what Jackson
 * always writes (read from the compiled records; {@code @Schema(required = true)} says a component
 * left out when null is never null). A plain test.
 */
class ApiDocumentTest {

  /**
   * The operation ids clients are generated with: function names in every client. Renaming one
   * breaks every client, so the list changes only on purpose (adding an operation adds its id).
   */
  static final Set<String> OPERATION_IDS =
      Set.of(
          "createApiKey",
          "createArticle",
          "createComment",
          "createSourceLink",
          "createTag",
          "createWebhook",
          "deleteArticle",
          "deleteComment",
          "deleteTag",
          "deleteWebhook",
          "followAuthor",
          "followSourceLink",
          "getApiKey",
          "getArticle",
          "getArticlesFeed",
          "getAuthor",
          "getAuthorFeed",
          "getComment",
          "getMe",
          "getRatings",
          "getReport",
          "getTag",
          "getTagFeed",
          "getWebhook",
          "likeArticle",
          "listAccounts",
          "listApiKeys",
          "listArticles",
          "listAuthors",
          "listChanges",
          "listComments",
          "listFollowedArticles",
          "listReports",
          "listSuggestions",
          "listTagArticles",
          "listTags",
          "listWebhookDeliveries",
          "listWebhooks",
          "openSource",
          "publishArticle",
          "rateArticle",
          "redeliverWebhook",
          "refreshSession",
          "reportArticle",
          "revokeApiKey",
          "rotateWebhookSecret",
          "signIn",
          "signOut",
          "signUp",
          "testWebhook",
          "unfollowAuthor",
          "unlikeArticle",
          "unpublishArticle",
          "unrateArticle",
          "updateAccount",
          "updateArticle",
          "updateComment",
          "updateMe",
          "updateReport",
          "updateTag",
          "updateWebhook");

  private static JsonNode document;

  @BeforeAll
  static void read() throws IOException {
    document = new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile());
  }

  private static List<JsonNode> operations() {
    List<JsonNode> operations = new ArrayList<>();
    document
        .get("paths")
        .forEach(
            path ->
                path.fields()
                    .forEachRemaining(
                        e -> {
                          if (e.getValue().has("responses")) {
                            operations.add(e.getValue());
                          }
                        }));
    return operations;
  }

  @Test
  void everyOperationHasAStableUniqueCamelCaseId() {
    List<String> ids = operations().stream().map(o -> o.path("operationId").asText()).toList();
    assertThat(ids).allMatch(id -> id.matches("[a-z]+[A-Za-z]*"), "camelCase");
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(ids)).isEqualTo(new TreeSet<>(OPERATION_IDS));
  }

  @Test
  void everyTagIsDeclaredWithADescriptionAndThereAreServers() {
    Set<String> declared = new HashSet<>();
    document
        .get("tags")
        .forEach(
            tag -> {
              assertThat(tag.path("description").asText()).as(tag.toString()).isNotBlank();
              declared.add(tag.get("name").asText());
            });
    for (JsonNode operation : operations()) {
      operation.get("tags").forEach(tag -> assertThat(declared).contains(tag.asText()));
    }
    assertThat(document.at("/servers/0/url").asText()).startsWith("http");
  }

  @Test
  void everyParameterIsTypedAndPagingHasBounds() {
    for (JsonNode operation : operations()) {
      String id = operation.get("operationId").asText();
      for (JsonNode parameter : operation.path("parameters")) {
        if (parameter.has("$ref")) {
          continue;
        }
        String name = parameter.get("name").asText();
        JsonNode schema = parameter.path("schema");
        assertThat(schema.has("type")).as("%s of %s has a type", name, id).isTrue();
        if (name.equals("limit") || name.equals("page")) {
          assertThat(schema.get("type").asText()).as("%s of %s", name, id).isEqualTo("integer");
          assertThat(schema.has("minimum")).as("%s of %s has a minimum", name, id).isTrue();
        }
        if (name.equals("limit")) {
          assertThat(schema.has("maximum") && schema.has("default")).as("limit of %s", id).isTrue();
        }
        if (name.equals("sort") || name.equals("status")) {
          assertThat(schema.has("enum")).as("%s of %s is an enumeration", name, id).isTrue();
        }
      }
    }
  }

  @Test
  void requestBodiesNameTheirMediaTypeAndPatchesHaveTheirOwnSchemas() {
    for (JsonNode operation : operations()) {
      operation
          .path("requestBody")
          .path("content")
          .fieldNames()
          .forEachRemaining(
              type ->
                  assertThat(type).as(operation.get("operationId").asText()).isNotEqualTo("*/*"));
    }
    JsonNode patch = document.at("/components/schemas/ArticlePatch");
    assertThat(patch.has("required")).isFalse();
    assertThat(patch.at("/properties/title").isObject()).isTrue();
    assertThat(document.at("/components/schemas/TagPatch").has("required")).isFalse();
  }

  /**
   * YAML 1.1 loaders (PyYAML, SnakeYAML 1.x) turn a plain 2026-11-24T09:30:00Z into a date: the
   * committed YAML quotes every timestamp (the build's quote-openapi-timestamps step).
   */
  @Test
  void committedYamlQuotesTimestamps() throws IOException {
    Path committed = Path.of("target/openapi-committed/openapi.yaml");
    assertThat(committed).exists();
    assertThat(Files.readAllLines(committed))
        .as("unquoted timestamps")
        .noneMatch(line -> line.matches("\\s*(- |[\\w\"-]+: )\\d{4}-\\d\\d-\\d\\d.*"))
        .anyMatch(line -> line.matches("\\s*- \"\\d{4}-\\d\\d-\\d\\dT.*\""));
  }

  @Test
  void everyOperationDeclaresTheRateLimitAnswer() {
    for (JsonNode operation : operations()) {
      assertThat(operation.at("/responses/429/$ref").asText())
          .as(operation.get("operationId").asText())
          .isEqualTo("#/components/responses/TooManyRequests");
    }
  }

  /**
   * A response schema requires every property that Jackson always writes, and none that it leaves
   * out when null ({@code @JsonInclude(NON_NULL)} on the component or the record).
   */
  @Test
  void responseSchemasRequireWhatIsAlwaysSent() throws Exception {
    Map<String, Set<String>> absentByRecord = sometimesAbsentByRecord();
    assertThat(absentByRecord).containsKeys("ArticleDetail", "Problem");
    JsonNode schemas = document.at("/components/schemas");
    Set<String> responses = responseSchemas();
    assertThat(responses).contains("ArticleDetail", "ArticlePage", "Session", "Problem");
    for (String name : responses) {
      JsonNode schema = schemas.get(name);
      if (!schema.has("properties")) {
        continue;
      }
      Set<String> expected = new TreeSet<>();
      schema.get("properties").fieldNames().forEachRemaining(expected::add);
      expected.removeAll(absentByRecord.getOrDefault(name, Set.of()));
      Set<String> required = new TreeSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      assertThat(required).as("required of %s", name).isEqualTo(expected);
    }
  }

  private static Set<String> responseSchemas() {
    Deque<JsonNode> pending = new ArrayDeque<>();
    for (JsonNode operation : operations()) {
      operation.get("responses").forEach(r -> r.path("content").forEach(pending::add));
    }
    document.at("/components/responses").forEach(r -> r.path("content").forEach(pending::add));
    Set<String> names = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      String ref = node.path("$ref").asText();
      if (ref.startsWith("#/components/schemas/")) {
        String name = ref.substring("#/components/schemas/".length());
        if (names.add(name)) {
          pending.add(document.at("/components/schemas/" + name));
        }
      }
      node.elements()
          .forEachRemaining(
              child -> {
                if (child.isContainerNode()) {
                  pending.add(child);
                }
              });
    }
    return names;
  }

  /** Schema name to the components Jackson leaves out when null, for every named record. */
  private static Map<String, Set<String>> sometimesAbsentByRecord() throws Exception {
    Path classes = Path.of("target/classes");
    List<String> names;
    try (var files = Files.walk(classes)) {
      names =
          files
              .map(f -> classes.relativize(f).toString())
              .filter(f -> f.startsWith("io/pressroom/") && f.endsWith(".class"))
              .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
              .toList();
    }
    Map<String, Set<String>> absent = new HashMap<>();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, ApiDocumentTest.class.getClassLoader());
      Schema schema = type.getAnnotation(Schema.class);
      if (!type.isRecord() || schema == null || schema.name().isEmpty()) {
        continue;
      }
      JsonInclude whole = type.getAnnotation(JsonInclude.class);
      Set<String> left = new HashSet<>();
      for (RecordComponent component : type.getRecordComponents()) {
        JsonInclude own = component.getAccessor().getAnnotation(JsonInclude.class);
        if (own == null) {
          own = fieldInclude(type, component);
        }
        JsonInclude.Include include =
            own != null ? own.value() : whole != null ? whole.value() : JsonInclude.Include.ALWAYS;
        Schema declared = component.getAccessor().getAnnotation(Schema.class);
        if (declared == null) {
          declared = fieldSchema(type, component);
        }
        // @Schema(required = true) on a NON_NULL component: it is never null, so always sent.
        boolean alwaysSet = declared != null && declared.required();
        if (include != JsonInclude.Include.ALWAYS
            && !component.getType().isPrimitive()
            && !alwaysSet) {
          left.add(propertyName(type, component));
        }
      }
      if (!left.isEmpty()) {
        absent.put(schema.name(), left);
      }
    }
    return absent;
  }

  private static String propertyName(Class<?> type, RecordComponent component) {
    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
    if (renamed == null) {
      try {
        renamed = type.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
      } catch (NoSuchFieldException e) {
        renamed = null;
      }
    }
    return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
  }

  private static Schema fieldSchema(Class<?> type, RecordComponent component) {
    try {
      return type.getDeclaredField(component.getName()).getAnnotation(Schema.class);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static JsonInclude fieldInclude(Class<?> type, RecordComponent component) {
    try {
      return type.getDeclaredField(component.getName()).getAnnotation(JsonInclude.class);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }
}
