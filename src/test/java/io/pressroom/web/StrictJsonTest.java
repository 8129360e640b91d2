package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

  record Body(
      String title,
      Integer score,
      Long parentId,
      Boolean disabled,
      List<String> tags,
      Instant at) {}

  private static final ObjectMapper MAPPER = strict();

  private static ObjectMapper strict() {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    new StrictJson().customize(mapper);
    return mapper;
  }

  @Test
  void wellTypedBodiesAreRead() throws Exception {
    Body body =
        MAPPER.readValue(
            "{\"title\":\"Tab\\tand\\nlines\",\"score\":4,\"parentId\":12,\"disabled\":true,"
                + "\"tags\":[\"rust\"],\"at\":\"2026-12-01T08:00:00Z\"}",
            Body.class);
    assertThat(body.title()).isEqualTo("Tab\tand\nlines");
    assertThat(body.score()).isEqualTo(4);
    assertThat(body.at()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\":123}",
        "{\"title\":1.5}",
        "{\"title\":true}",
        "{\"score\":2.5}",
        "{\"score\":4.0}",
        "{\"score\":\"5\"}",
        "{\"score\":true}",
        "{\"parentId\":\"12\"}",
        "{\"parentId\":\"\"}",
        "{\"disabled\":\"true\"}",
        "{\"disabled\":1}",
        "{\"tags\":[1]}",
        "{\"tags\":\"rust\"}",
        "{\"at\":1700000000}",
        "{\"at\":\"\"}",
      })
  void scalarsAreNotCoerced(String json) {
    assertThatThrownBy(() -> MAPPER.readValue(json, Body.class))
        .isInstanceOf(JsonMappingException.class)
        .satisfies(e -> assertThat(((JsonMappingException) e).getPath()).isNotEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\":\"a\\u0000b\"}",
        "{\"title\":\"a\\u0001b\"}",
        "{\"title\":\"a\\u001fb\"}",
        "{\"title\":\"lone \\ud800 surrogate\"}",
        "{\"tags\":[\"ok\",\"a\\u0000b\"]}",
      })
  void controlCharactersInStringsAreRefusedNamingTheField(String json) {
    assertThatThrownBy(() -> MAPPER.readValue(json, Body.class))
        .isInstanceOf(JsonMappingException.class)
        .isInstanceOf(StrictJson.UnsafeTextException.class)
        .satisfies(e -> assertThat(((JsonMappingException) e).getPath()).isNotEmpty());
  }

  @Test
  void duplicateKeysAndTrailingContentAreRefused() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"title\":\"a\",\"title\":\"b\"}", Body.class))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> MAPPER.readValue("{\"title\":\"a\"} {}", Body.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void deepNestingIsRefused() {
    String deep =
        "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);
    assertThatThrownBy(() -> MAPPER.readTree(deep)).isInstanceOf(StreamConstraintsException.class);
    String allowed =
        "[".repeat(StrictJson.MAX_NESTING_DEPTH) + "]".repeat(StrictJson.MAX_NESTING_DEPTH);
    assertThat(catchReadTree(allowed)).isTrue();
  }

  private static boolean catchReadTree(String json) {
    try {
      MAPPER.readTree(json);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
