package io.pressroom.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Atom writer writes the very text ROME and JDOM wrote for the same feed. */
class AtomWriterTest {

  private static final String SCHEME = "https://news.example.org/api/v1/tags/";

  /** Characters each escaped, trimmed or dropped in its own way, and plain ones. */
  private static final String[] PIECES = {
    "a",
    "Zz",
    "The quick brown fox jumps over the lazy dog, twice; then it rests. ",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "<",
    ">",
    "&",
    "\"",
    "'",
    "&amp;",
    "<p>",
    "</p>\n",
    "é",
    "ünï",
    "—",
    "✓",
    "🦀",
    "\uD83D\uDE00",
    "\u0000",
    "\u0001",
    "\u007f",
    "\u0085",
    "\u2028",
    "\uFFFE",
    "\uFFFD",
    "\uD800",
    "\uDC00",
    "x y",
    "]]>",
    "<![CDATA[",
    "\u00a0"
  };

  @Test
  void awkwardTextIsWrittenAsRomeWroteIt() throws Exception {
    Random random = new Random(14);
    for (int round = 0; round < 400; round++) {
      List<Feed.Item> items = new ArrayList<>();
      for (int i = 0; i < random.nextInt(4); i++) {
        List<Feed.Category> categories = new ArrayList<>();
        for (int c = 0; c < random.nextInt(3); c++) {
          categories.add(new Feed.Category("tag-" + c, text(random)));
        }
        items.add(
            new Feed.Item(
                "https://news.example.org/api/v1/articles/a-" + i,
                "https://news.example.org/a/a-" + i + "?x=1&y=\"2\"",
                text(random),
                text(random),
                text(random),
                instant(random),
                instant(random),
                new Feed.Author(text(random), "https://news.example.org/api/v1/authors/x" + i),
                categories));
      }
      Feed feed =
          new Feed(
              text(random),
              text(random),
              "https://news.example.org/api/v1/tags/t/articles",
              "https://news.example.org/feeds/tags/t.atom",
              instant(random),
              items);
      String rome = new WireFeedOutput().outputString(AtomFeeds.toAtom(feed, SCHEME), true);
      assertEquals(rome, new String(AtomWriter.write(feed, SCHEME), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aTypicalFeedIsTheSameBytes() throws Exception {
    Feed feed =
        new Feed(
            "Pressroom — Linux",
            "The newest Pressroom articles tagged Linux.",
            "http://localhost/api/v1/tags/linux/articles",
            "http://localhost/feeds/tags/linux.atom",
            Instant.parse("2026-11-29T23:31:38.123456Z"),
            List.of(
                new Feed.Item(
                    "http://localhost/api/v1/articles/a",
                    "http://localhost/api/v1/articles/a",
                    "A title",
                    "A summary.",
                    "<p>One.</p>\n<p>Two &amp; three.</p>",
                    Instant.parse("2026-11-29T17:31:00Z"),
                    Instant.parse("2026-11-29T23:31:38Z"),
                    new Feed.Author("James Lovelace", "http://localhost/api/v1/authors/j"),
                    List.of(new Feed.Category("linux", "Linux")))));
    assertEquals(
        new WireFeedOutput().outputString(AtomFeeds.toAtom(feed, SCHEME), true),
        new String(AtomWriter.write(feed, SCHEME), StandardCharsets.UTF_8));
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(8);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  private static Instant instant(Random random) {
    return Instant.ofEpochMilli(1_700_000_000_000L + random.nextLong(100_000_000_000L));
  }
}
