package io.pressroom.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pressroom.text.Utf8Buffer;
import io.pressroom.web.PageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ListingJsonTest {

  private static final String KEPT = "{\"slug\":\"a\",\"stats\":";

  /** Kept text as it is stored: ASCII, 2-, 3- and 4-byte characters, escapes Jackson wrote. */
  private static final String[] PIECES = {
    "a",
    "Zz",
    " ",
    "\\\"",
    "\\\\",
    "\\n",
    "\\u0001",
    "\"title\":\"",
    "é",
    "ÿ",
    "ß",
    "—",
    "✓",
    "€",
    "中文",
    "\uFFFD",
    "🦀",
    "\uD83D\uDE00",
    "\uD801\uDC37",
    "\uDBFF\uDFFF",
    "\u007F",
    "\u0080",
    "\u07FF",
    "\u0800"
  };

  @Test
  void splicesTheCountersAfterTheKeptText() {
    assertEquals(
        "{\"slug\":\"a\",\"stats\":{\"likes\":3,\"comments\":1,\"ratingAverage\":4.67,\"ratingCount\":3}}",
        text(ListingJson.item(item(KEPT, 3, 1, 14 / 3.0, 3))));
  }

  @Test
  void writesAveragesAsJacksonWritesDoubles() {
    assertEquals(0.0, ListingJson.roundedAverage(0));
    assertEquals(4.25, ListingJson.roundedAverage(4.25));
    assertEquals(
        "{\"slug\":\"a\",\"stats\":{\"likes\":0,\"comments\":0,\"ratingAverage\":0.0,\"ratingCount\":0}}",
        text(ListingJson.item(item(KEPT, 0, 0, 0, 0))));
  }

  @Test
  void escapesCharactersBeyondTheBasicPlaneAsJacksonDoes() {
    assertEquals("\"a\\uD83E\\uDD80 ✓\"", kept("\"a\uD83E\uDD80 ✓\""));
    assertEquals("\\uD83E\\uDD80", kept("\uD83E\uDD80"));
    assertEquals("x\\uDBFF\\uDFFF\\uD800\\uDC00y", kept("x\uDBFF\uDFFF\uD800\uDC00y"));
    assertEquals("plain", kept("plain"));
    assertEquals("", kept(""));
  }

  @Test
  void keptBytesAreWrittenAsTheStringPathWroteThem() {
    Random random = new Random(14);
    for (int round = 0; round < 3000; round++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(16);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String value = text.toString();
      assertArrayEquals(
          StringPath.kept(new StringBuilder(), value).toString().getBytes(StandardCharsets.UTF_8),
          ListingJson.kept(new Utf8Buffer(1), value.getBytes(StandardCharsets.UTF_8)).toByteArray(),
          value);
    }
  }

  @Test
  void aPageIsWhatTheStringPathWrote() {
    Random random = new Random(41);
    for (int round = 0; round < 300; round++) {
      List<ListingJson.Item> items = new ArrayList<>();
      List<StringPath.Item> expected = new ArrayList<>();
      for (int i = 0; i < random.nextInt(6); i++) {
        StringBuilder text = new StringBuilder("{\"slug\":\"s-" + i + "\",\"title\":\"");
        for (int k = 0; k < random.nextInt(30); k++) {
          text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String kept = text.append("\",\"stats\":").toString();
        int likes = random.nextInt(100_000);
        int comments = random.nextInt(50);
        double average = random.nextInt(5) == 0 ? 0 : 1 + 4 * random.nextDouble();
        int count = random.nextInt(1_000);
        items.add(item(kept, likes, comments, average, count));
        expected.add(new StringPath.Item(kept, likes, comments, average, count));
      }
      String page = "{\"limit\":20,\"total\":" + round + ",\"next\":\"eyJrIjpb.c2ln\"}";
      assertArrayEquals(
          StringPath.page(expected, page),
          ListingJson.page(items, page.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void aPageJoinsItsItemsAndEndsWithThePage() {
    String page = "{\"limit\":2,\"total\":2,\"next\":null}";
    byte[] pageBytes = page.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "{\"items\":[],\"page\":" + page + "}", text(ListingJson.page(List.of(), pageBytes)));
    ListingJson.Item item = item(KEPT, 1, 2, 5, 1);
    String one = text(ListingJson.item(item));
    assertEquals(
        "{\"items\":[" + one + "," + one + "],\"page\":" + page + "}",
        text(ListingJson.page(List.of(item, item), pageBytes)));
  }

  @Test
  void aSearchedPageIsWhatJacksonWritesForItsSummariesWithHighlights() throws Exception {
    ObjectMapper jackson = new ObjectMapper().findAndRegisterModules();
    jackson.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    String[] textPieces = {
      "a", " ", "<mark>", "</mark>", "&amp;", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0001",
      "\u001F", "\u007F", "é", "—", "中文", "🦀", "…", "/", "\u2028"
    };
    Random random = new Random(43);
    for (int round = 0; round < 300; round++) {
      List<ArticleSummary> summaries = new ArrayList<>();
      List<byte[]> json = new ArrayList<>();
      List<SearchHighlight> highlights = new ArrayList<>();
      for (int i = 0; i < random.nextInt(5); i++) {
        ArticleSummary summary =
            new ArticleSummary(
                "s-" + i,
                "Title " + i,
                "Summary " + round,
                null,
                List.of(),
                Instant.ofEpochSecond(1_700_000_000L + round),
                Instant.ofEpochSecond(1_700_000_100L + round),
                3,
                null,
                new ArticleStats(random.nextInt(100), random.nextInt(9), 4.5, 2));
        // Every other article's title has no match, and so no marked title.
        SearchHighlight highlight =
            new SearchHighlight(
                random.nextBoolean() ? pieces(random, textPieces) : null,
                pieces(random, textPieces));
        summaries.add(summary.withHighlight(highlight));
        json.add(jackson.writeValueAsBytes(summary));
        highlights.add(highlight);
      }
      PageInfo info = new PageInfo(20, round, round % 2 == 0 ? null : "c2VhcmNo", round % 3 == 0);
      assertEquals(
          jackson.writeValueAsString(new ArticlePage(summaries, info)),
          text(ListingJson.searched(json, highlights, jackson.writeValueAsBytes(info))));
    }
  }

  private static String pieces(Random random, String[] pieces) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < random.nextInt(40); k++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  private static ListingJson.Item item(
      String kept, int likes, int comments, double average, int count) {
    return new ListingJson.Item(
        kept.getBytes(StandardCharsets.UTF_8), likes, comments, average, count);
  }

  private static String kept(String kept) {
    return text(
        ListingJson.kept(new Utf8Buffer(4), kept.getBytes(StandardCharsets.UTF_8)).toByteArray());
  }

  private static String text(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /**
   * The writer as it was before the kept text came as bytes (decoded to a String, appended to a
   * StringBuilder, encoded whole): the bytes clients got, which the byte writer must keep.
   */
  private static final class StringPath {

    record Item(String kept, int likes, int comments, double ratingAverage, int ratingCount) {}

    static byte[] page(List<Item> items, String pageJson) {
      StringBuilder json = new StringBuilder("{\"items\":[");
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          json.append(',');
        }
        Item item = items.get(i);
        kept(json, item.kept())
            .append("{\"likes\":")
            .append(item.likes())
            .append(",\"comments\":")
            .append(item.comments())
            .append(",\"ratingAverage\":")
            .append(ListingJson.roundedAverage(item.ratingAverage()))
            .append(",\"ratingCount\":")
            .append(item.ratingCount())
            .append("}}");
      }
      return json.append("],\"page\":")
          .append(pageJson)
          .append('}')
          .toString()
          .getBytes(StandardCharsets.UTF_8);
    }

    static StringBuilder kept(StringBuilder json, String kept) {
      int plain = 0;
      for (int i = 0; i < kept.length(); i++) {
        char c = kept.charAt(i);
        if (Character.isSurrogate(c)) {
          json.append(kept, plain, i).append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]);
          json.append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
          plain = i + 1;
        }
      }
      return json.append(kept, plain, kept.length());
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  }
}
