package io.pressroom.article;

import io.pressroom.text.Utf8Buffer;
import java.util.List;

/**
 * Writes a listing's JSON from each article's kept summary text ({@code articles.listing_json}, see
 * the V12 migration), which ends with {@code "stats":}: the counters follow, then the closing
 * brace. The output is byte for byte what Jackson writes for {@link ArticlePage}, without building
 * a record per article. The kept text comes as the UTF-8 bytes PostgreSQL sent and is copied
 * through in runs: decoding it to a String only to encode it again was a copy and a pass per byte.
 */
final class ListingJson {

  private ListingJson() {}

  /** One listed article: its kept text as UTF-8 and its counters as stored. */
  record Item(byte[] kept, int likes, int comments, double ratingAverage, int ratingCount) {}

  /** {@code {"items":[...],"page":<pageJson>}}. */
  static byte[] page(List<Item> items, byte[] pageJson) {
    int size = 32 + pageJson.length;
    for (Item item : items) {
      size += item.kept().length + 96;
    }
    Utf8Buffer json = new Utf8Buffer(size);
    json.append("{\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      item(json, items.get(i));
    }
    return json.append("],\"page\":").raw(pageJson).append('}').toByteArray();
  }

  /**
   * A page of search results: {@code {"items":[...],"page":<pageJson>}} where each item is an
   * article's summary JSON ({@link #item}) with its {@code highlight} after the counters, as
   * Jackson writes {@link ArticleSummary} with a highlight. Parsing each summary into a record and
   * writing it again took a tenth of a search.
   */
  static byte[] searched(
      List<byte[]> summaries, List<SearchHighlight> highlights, byte[] pageJson) {
    int size = 32 + pageJson.length;
    for (int i = 0; i < summaries.size(); i++) {
      SearchHighlight highlight = highlights.get(i);
      String title = highlight.title();
      size +=
          summaries.get(i).length
              + 48
              + (highlight.snippet().length() + (title == null ? 0 : title.length())) * 2;
    }
    Utf8Buffer json = new Utf8Buffer(size);
    json.append("{\"items\":[");
    for (int i = 0; i < summaries.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      byte[] summary = summaries.get(i);
      SearchHighlight highlight = highlights.get(i);
      // The summary without its closing brace, then the highlight: the last member of a summary.
      json.raw(summary, 0, summary.length - 1).append(",\"highlight\":{");
      if (highlight.title() != null) {
        string(json.append("\"title\":"), highlight.title()).append(',');
      }
      string(json.append("\"snippet\":"), highlight.snippet()).append("}}");
    }
    return json.append("],\"page\":").raw(pageJson).append('}').toByteArray();
  }

  /**
   * {@code text} as a JSON string, escaped as Jackson escapes: quotation mark, backslash and the
   * control characters (short forms where JSON has them), everything else as it is.
   */
  static Utf8Buffer string(Utf8Buffer json, String text) {
    json.append('"');
    int plain = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      json.append(text, plain, i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> escaped(json, c);
      }
      plain = i + 1;
    }
    return json.append(text, plain, text.length()).append('"');
  }

  /** One article's summary as JSON (UTF-8). */
  static byte[] item(Item item) {
    return item(new Utf8Buffer(item.kept().length + 96), item).toByteArray();
  }

  private static Utf8Buffer item(Utf8Buffer json, Item item) {
    return kept(json, item.kept())
        .append("{\"likes\":")
        .append(Integer.toString(item.likes()))
        .append(",\"comments\":")
        .append(Integer.toString(item.comments()))
        .append(",\"ratingAverage\":")
        .append(Double.toString(roundedAverage(item.ratingAverage())))
        .append(",\"ratingCount\":")
        .append(Integer.toString(item.ratingCount()))
        .append("}}");
  }

  /**
   * Appends kept text as Jackson would have written it: PostgreSQL writes characters beyond the
   * Basic Multilingual Plane (emoji) as they are, four bytes of UTF-8, Jackson as an escaped
   * surrogate pair ({@code \uD83E\uDD80}); both are the same JSON, but clients get the same bytes
   * as before. Everything else is copied as it is.
   */
  static Utf8Buffer kept(Utf8Buffer json, byte[] kept) {
    int plain = 0;
    for (int i = 0; i < kept.length; i++) {
      // The lead byte of a four-byte sequence is 11110xxx; PostgreSQL sends only valid UTF-8.
      if ((kept[i] & 0xF8) == 0xF0 && i + 3 < kept.length) {
        json.raw(kept, plain, i);
        int codePoint =
            (kept[i] & 0x07) << 18
                | (kept[i + 1] & 0x3F) << 12
                | (kept[i + 2] & 0x3F) << 6
                | (kept[i + 3] & 0x3F);
        escaped(json, Character.highSurrogate(codePoint));
        escaped(json, Character.lowSurrogate(codePoint));
        i += 3;
        plain = i + 1;
      }
    }
    return json.raw(kept, plain, kept.length);
  }

  private static void escaped(Utf8Buffer json, char c) {
    json.append("\\u")
        .append(HEX[c >> 12])
        .append(HEX[(c >> 8) & 15])
        .append(HEX[(c >> 4) & 15])
        .append(HEX[c & 15]);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * The mean score as shown: two decimals. {@code Double.toString} writes what Jackson writes for a
   * double (0.0, 4.25).
   */
  static double roundedAverage(double average) {
    return Math.round(average * 100) / 100.0;
  }
}
