package io.pressroom.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pressroom.web.ProblemException;
import org.junit.jupiter.api.Test;

class TagPatchTest {

  private final ObjectMapper mapper = new ObjectMapper();

  private static Tag rust() {
    Tag tag = new Tag();
    tag.slug = "rust";
    tag.name = "Rust";
    tag.description = "The Rust language.";
    return tag;
  }

  @Test
  void aRenameKeepsTheDescription() {
    assertThat(TagPatch.of(json("{\"name\": \"Rust lang\"}")).applyTo(rust()))
        .isEqualTo(new TagRequest("Rust lang", "The Rust language."));
  }

  @Test
  void nullClearsTheDescriptionAndAnEmptyPatchChangesNothing() {
    assertThat(TagPatch.of(json("{\"description\": null}")).applyTo(rust()))
        .isEqualTo(new TagRequest("Rust", null));
    assertThat(TagPatch.of(json("{}")).applyTo(rust()))
        .isEqualTo(new TagRequest("Rust", "The Rust language."));
  }

  @Test
  void theSlugAndValuesThatAreNotTextCannotBeSent() {
    assertThatThrownBy(() -> TagPatch.of(json("{\"slug\": \"go\"}")))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> TagPatch.of(json("{\"description\": 3}")))
        .isInstanceOf(ProblemException.class);
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
