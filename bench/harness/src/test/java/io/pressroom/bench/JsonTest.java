package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsAPageOfArticles() {
    Object page =
        Json.parse(
            "{\"items\":[{\"slug\":\"an-have-39603\",\"tags\":[\"linux\"],\"likes\":12,"
                + "\"rating\":4.5,\"draft\":false,\"image\":null}],"
                + "\"page\":{\"total\":29305,\"next\":\"eyJrIjpbMV19.c2ln\"}}");

    assertThat(Json.at(page, "items", 0, "slug")).isEqualTo("an-have-39603");
    assertThat(Json.text(Json.at(page, "page", "total"))).isEqualTo("29305");
    assertThat(Json.text(Json.at(page, "items", 0, "rating"))).isEqualTo("4.5");
    assertThat(Json.at(page, "page", "next")).isEqualTo("eyJrIjpbMV19.c2ln");
    assertThat(Json.at(page, "items", 0, "draft")).isEqualTo(false);
    assertThat(Json.at(page, "items", 0, "image")).isNull();
  }

  @Test
  void aMissingStepGivesNull() {
    Object page = Json.parse("{\"items\":[],\"page\":{\"total\":0}}");

    assertThat(Json.at(page, "items", 0, "slug")).isNull();
    assertThat(Json.at(page, "page", "next")).isNull();
    assertThat(Json.at(page, "page", 0)).isNull();
    assertThat(Json.text(Json.at(page, "page", "next"))).isEqualTo("null");
  }

  @Test
  void decodesEscapes() {
    assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\n\\u00e9\\u2026\"")).isEqualTo("a\"b\\c/d\né…");
    assertThat(Json.parse(" [1, -2.5e1, true] ").toString()).isEqualTo("[1, -25, true]");
  }

  @Test
  void rejectsWhatIsNotJson() {
    assertThatThrownBy(() -> Json.parse("<html>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("{\"a\":1} x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
  }
}
