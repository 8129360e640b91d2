package io.pressroom.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingJsonTest {

  private static final String KEPT = "{\"slug\":\"a\",\"stats\":";

  @Test
  void splicesTheCountersAfterTheKeptText() {
    assertEquals(
        "{\"slug\":\"a\",\"stats\":{\"likes\":3,\"comments\":1,\"ratingAverage\":4.67,\"ratingCount\":3}}",
        ListingJson.item(new ListingJson.Item(KEPT, 3, 1, 14 / 3.0, 3)));
  }

  @Test
  void writesAveragesAsJacksonWritesDoubles() {
    assertEquals(0.0, ListingJson.roundedAverage(0));
    assertEquals(4.25, ListingJson.roundedAverage(4.25));
    assertEquals(
        "{\"slug\":\"a\",\"stats\":{\"likes\":0,\"comments\":0,\"ratingAverage\":0.0,\"ratingCount\":0}}",
        ListingJson.item(new ListingJson.Item(KEPT, 0, 0, 0, 0)));
  }

  @Test
  void escapesCharactersBeyondTheBasicPlaneAsJacksonDoes() {
    assertEquals(
        "\"a\\uD83E\\uDD80 ✓\"",
        ListingJson.kept(new StringBuilder(), "\"a\uD83E\uDD80 ✓\"").toString());
    assertEquals("plain", ListingJson.kept(new StringBuilder(), "plain").toString());
  }

  @Test
  void aPageJoinsItsItemsAndEndsWithThePage() {
    String page = "{\"limit\":2,\"total\":2,\"next\":null}";
    assertEquals(
        "{\"items\":[],\"page\":" + page + "}",
        new String(ListingJson.page(List.of(), page), StandardCharsets.UTF_8));
    ListingJson.Item item = new ListingJson.Item(KEPT, 1, 2, 5, 1);
    assertEquals(
        "{\"items\":["
            + ListingJson.item(item)
            + ","
            + ListingJson.item(item)
            + "],\"page\":"
            + page
            + "}",
        new String(ListingJson.page(List.of(item, item), page), StandardCharsets.UTF_8));
  }
}
