package io.pressroom.article;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a listing's JSON from each article's kept summary text ({@code articles.listing_json}, see
 * the V12 migration), which ends with {@code "stats":}: the counters follow, then the closing
 * brace. The output is byte for byte what Jackson writes for {@link ArticlePage}, without building
 * a record per article.
 */
final class ListingJson {

  private ListingJson() {}

  /** One listed article: its kept text and its counters as stored. */
  record Item(String kept, int likes, int comments, double ratingAverage, int ratingCount) {}

  /** {@code {"items":[...],"page":<pageJson>}}. */
  static byte[] page(List<Item> items, String pageJson) {
    StringBuilder json = new StringBuilder(64 + items.size() * 640 + pageJson.length());
    json.append("{\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      item(json, items.get(i));
    }
    return json.append("],\"page\":")
        .append(pageJson)
        .append('}')
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** One article's summary as JSON text. */
  static String item(Item item) {
    return item(new StringBuilder(item.kept().length() + 80), item).toString();
  }

  private static StringBuilder item(StringBuilder json, Item item) {
    return kept(json, item.kept())
        .append("{\"likes\":")
        .append(item.likes())
        .append(",\"comments\":")
        .append(item.comments())
        .append(",\"ratingAverage\":")
        .append(roundedAverage(item.ratingAverage()))
        .append(",\"ratingCount\":")
        .append(item.ratingCount())
        .append("}}");
  }

  /**
   * Appends kept text as Jackson would have written it: PostgreSQL writes characters beyond the
   * Basic Multilingual Plane (emoji) as they are, Jackson as an escaped surrogate pair ({@code
   * \uD83E\uDD80}); both are the same JSON, but clients get the same bytes as before.
   */
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

  /**
   * The mean score as shown: two decimals. {@code StringBuilder.append(double)} writes what Jackson
   * writes for a double ({@code Double.toString}: 0.0, 4.25).
   */
  static double roundedAverage(double average) {
    return Math.round(average * 100) / 100.0;
  }
}
