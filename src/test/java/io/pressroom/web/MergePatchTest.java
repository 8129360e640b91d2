package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergePatchTest {

  private static final Set<String> FIELDS = Set.of("title", "bio", "tags", "enabled");
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void absentFieldsStayAndNullClears() {
    MergePatch patch = MergePatch.of(json("{\"bio\": null, \"title\": \"New\"}"), FIELDS);

    assertThat(patch.text("title", "Old")).isEqualTo("New");
    assertThat(patch.text("bio", "Some bio")).isNull();
    assertThat(patch.texts("tags", List.of("rust"))).containsExactly("rust");
    assertThat(patch.bool("enabled", true)).isTrue();
    assertThat(patch.has("tags")).isFalse();
  }

  @Test
  void listsAreReplacedWholeAndNullEmptiesThem() {
    assertThat(MergePatch.of(json("{\"tags\": [\"a\", \"b\"]}"), FIELDS).texts("tags", List.of()))
        .containsExactly("a", "b");
    assertThat(MergePatch.of(json("{\"tags\": null}"), FIELDS).texts("tags", List.of("a")))
        .isEmpty();
  }

  @Test
  void valuesOfTheWrongTypeAreRefusedByName() {
    assertField(() -> MergePatch.of(json("{\"title\": 123}"), FIELDS).text("title", "x"), "title");
    assertField(
        () -> MergePatch.of(json("{\"tags\": [\"a\", 1]}"), FIELDS).texts("tags", null), "tags");
    assertField(
        () -> MergePatch.of(json("{\"enabled\": \"yes\"}"), FIELDS).bool("enabled", null),
        "enabled");
  }

  @Test
  void fieldsThatCannotBeChangedAreAllNamed() {
    assertThatThrownBy(() -> MergePatch.of(json("{\"role\": \"admin\", \"id\": 1}"), FIELDS))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.errors())
                    .extracting(Problem.FieldError::field)
                    .containsExactlyInAnyOrder("role", "id"));
  }

  @Test
  void onlyAnObjectIsAPatch() {
    for (String body : List.of("[]", "\"title\"", "null", "3")) {
      assertThatThrownBy(() -> MergePatch.of(json(body), FIELDS))
          .as(body)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_BODY));
    }
    assertThatThrownBy(() -> MergePatch.of(null, FIELDS)).isInstanceOf(ProblemException.class);
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.errors())
                    .extracting(Problem.FieldError::field)
                    .containsExactly(field));
  }
}
