package io.pressroom.feed;

import static io.pressroom.feed.XmlText.clean;

import io.pressroom.text.Utf8Buffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a feed as Atom 1.0 (RFC 4287) straight into a buffer: the bytes ROME and JDOM wrote for it
 * before, with their pretty format (two-space indent, CRLF line ends, text trimmed of XML
 * whitespace at both ends, line feeds inside text written as CRLF, characters beyond the Basic
 * Multilingual Plane as character references), without building two object trees per request and
 * escaping one character at a time: that was most of what a feed of 50 bodies cost the application.
 * AtomWriterTest compares both on awkward text (the ROME version is kept there).
 */
final class AtomWriter {

  private static final String EOL = "\r\n";

  private AtomWriter() {}

  static byte[] write(Feed feed, String tagScheme) {
    return write(feed, feed.items().stream().map(item -> entry(item, tagScheme)).toList());
  }

  /**
   * The feed with its entries as {@link #entry} wrote them, in order: an entry's bytes depend on
   * its item and the tags' scheme only, so they can be kept and written into every feed that shows
   * the article.
   */
  static byte[] write(Feed feed, List<byte[]> entries) {
    int length = 0;
    for (byte[] entry : entries) {
      length += entry.length;
    }
    Utf8Buffer xml = new Utf8Buffer(4096 + length);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(EOL);
    xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">").append(EOL);
    text(xml, "  ", "title", "text", feed.title());
    link(xml, "  ", "alternate", null, feed.homePageUrl());
    link(xml, "  ", "self", FeedFormat.ATOM.contentType().split(";")[0], feed.selfUrl());
    text(xml, "  ", "subtitle", "text", feed.description());
    simple(xml, "  ", "id", feed.selfUrl());
    simple(xml, "  ", "updated", date(feed.updated()));
    for (byte[] entry : entries) {
      xml.raw(entry);
    }
    xml.append("</feed>").append(EOL);
    return xml.toByteArray();
  }

  /** One {@code <entry>} element, indented and ended as inside the feed. */
  static byte[] entry(Feed.Item item, String tagScheme) {
    Utf8Buffer xml = new Utf8Buffer(1024 + length(item.html()) + length(item.summary()));
    xml.append("  <entry>").append(EOL);
    text(xml, "    ", "title", "text", item.title());
    link(xml, "    ", "alternate", null, item.url());
    for (Feed.Category category : item.categories()) {
      xml.append("    <category");
      attribute(xml, "term", category.term());
      attribute(xml, "label", clean(category.label()));
      attribute(xml, "scheme", tagScheme);
      xml.append(" />").append(EOL);
    }
    xml.append("    <author>").append(EOL);
    simple(xml, "      ", "name", clean(item.author().name()));
    simple(xml, "      ", "uri", item.author().url());
    xml.append("    </author>").append(EOL);
    simple(xml, "    ", "id", item.id());
    simple(xml, "    ", "updated", date(item.updated()));
    simple(xml, "    ", "published", date(item.published()));
    text(xml, "    ", "content", "html", item.html());
    text(xml, "    ", "summary", "text", item.summary());
    xml.append("  </entry>").append(EOL);
    return xml.toByteArray();
  }

  /** An element with a {@code type} and cleaned text (ROME's Content). */
  private static void text(Utf8Buffer xml, String indent, String name, String type, String value) {
    if (value == null) {
      return;
    }
    xml.append(indent).append('<').append(name);
    attribute(xml, "type", type);
    body(xml, name, clean(value));
  }

  /** An element of text only, absent when there is none (ROME skips null values). */
  private static void simple(Utf8Buffer xml, String indent, String name, String value) {
    if (value == null) {
      return;
    }
    xml.append(indent).append('<').append(name);
    body(xml, name, value);
  }

  /** The rest of an element whose start tag is open: its trimmed text, or {@code />}. */
  private static void body(Utf8Buffer xml, String name, String value) {
    int start = 0;
    int end = value.length();
    while (start < end && whitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && whitespace(value.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      xml.append(" />").append(EOL);
      return;
    }
    xml.append('>');
    escape(xml, value, start, end, false);
    xml.append("</").append(name).append('>').append(EOL);
  }

  private static void link(Utf8Buffer xml, String indent, String rel, String type, String href) {
    xml.append(indent).append("<link");
    attribute(xml, "rel", rel);
    attribute(xml, "type", type);
    attribute(xml, "href", href);
    xml.append(" />").append(EOL);
  }

  private static void attribute(Utf8Buffer xml, String name, String value) {
    if (value == null) {
      return;
    }
    xml.append(' ').append(name).append("=\"");
    escape(xml, value, 0, value.length(), true);
    xml.append('"');
  }

  /**
   * JDOM's escapes for text and for attribute values, written as UTF-8 in the same pass: the text
   * between the few characters that are escaped (most of a body) goes to the buffer as one run,
   * which copies its ASCII in bulk. A high surrogate with a char after it becomes a character
   * reference; a lone surrogate becomes {@code ?}, in the run as in {@code String.getBytes}.
   */
  private static void escape(
      Utf8Buffer xml, String value, int start, int end, boolean inAttribute) {
    int plain = start;
    boolean ascii = true;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      String replacement;
      if (c > '>' && c < 0x80) {
        continue; // Letters and most punctuation: nothing to escape.
      } else if (c < 0x80) {
        replacement = replacement(c, inAttribute);
        if (replacement == null) {
          continue;
        }
      } else if (Character.isHighSurrogate(c) && i + 1 < end) {
        replacement =
            "&#x" + Integer.toHexString(Character.toCodePoint(c, value.charAt(i + 1))) + ";";
        run(xml, value, plain, i, ascii).append(replacement);
        i++;
        plain = i + 1;
        ascii = true;
        continue;
      } else {
        ascii = false;
        continue;
      }
      run(xml, value, plain, i, ascii).append(replacement);
      plain = i + 1;
      ascii = true;
    }
    run(xml, value, plain, end, ascii);
  }

  /**
   * The chars between two escapes: copied as ASCII when the scan saw nothing else in them (most
   * runs of a body), rather than scanned a second time.
   */
  private static Utf8Buffer run(Utf8Buffer xml, String value, int start, int end, boolean ascii) {
    return ascii ? xml.ascii(value, start, end) : xml.append(value, start, end);
  }

  /** What an ASCII char becomes in text or in an attribute value; null when it stays as it is. */
  private static String replacement(char c, boolean inAttribute) {
    return switch (c) {
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '&' -> "&amp;";
      case '\r' -> "&#xD;";
      case '\n' -> inAttribute ? "&#xA;" : EOL;
      case '"' -> inAttribute ? "&quot;" : null;
      case '\t' -> inAttribute ? "&#x9;" : null;
      default -> null;
    };
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  /** XML whitespace, the characters JDOM trims. */
  private static boolean whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** W3C date-time in UTC to the second, as ROME writes it. */
  private static String date(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
