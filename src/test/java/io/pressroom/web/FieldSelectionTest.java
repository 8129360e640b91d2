package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSelectionTest {

  record Item(String slug, String title, int likes) {}

  record ItemPage(List<Item> items, PageInfo page) {}

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void aDetailKeepsOnlyTheFieldsAskedFor() {
    JsonNode trimmed = FieldSelection.trim(mapper, new Item("a", "A", 3), "slug, likes");

    assertThat(trimmed.toString()).isEqualTo("{\"slug\":\"a\",\"likes\":3}");
  }

  @Test
  void aCollectionTrimsEachItemAndKeepsItsPageWhole() {
    ItemPage page =
        new ItemPage(
            List.of(new Item("a", "A", 1), new Item("b", "B", 2)), new PageInfo(2, 5, "next"));

    JsonNode trimmed = FieldSelection.trim(mapper, page, "title");

    assertThat(trimmed.get("items").toString()).isEqualTo("[{\"title\":\"A\"},{\"title\":\"B\"}]");
    assertThat(trimmed.get("page").get("total").asInt()).isEqualTo(5);
  }

  @Test
  void unknownOrNoFieldsAreA400NamingTheKnownOnes() {
    assertThatThrownBy(() -> FieldSelection.trim(mapper, new Item("a", "A", 3), "slug,tilte"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.getMessage()).contains("tilte").contains("slug, title, likes"));
    assertThatThrownBy(() -> FieldSelection.trim(mapper, new Item("a", "A", 3), " , "))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void withoutFieldsTheAnswerIsSentWhole() {
    Item item = new Item("a", "A", 3);

    assertThat(FieldsParam.all().select(mapper, item)).isSameAs(item);
    assertThat(new FieldsParam("slug").select(mapper, item).toString())
        .isEqualTo("{\"slug\":\"a\"}");
  }
}
