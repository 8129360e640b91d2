package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.junit.jupiter.api.Test;

/** The snippets' formatter escapes text exactly as Lucene's own formatter does. */
class HighlightFormatterTest {

  /** Lucene's formatter with the same settings, its escaping reachable from here. */
  private static final class Lucenes extends DefaultPassageFormatter {
    Lucenes() {
      super("<mark>", "</mark>", "… ", true);
    }

    String escape(String text, int start, int end) {
      StringBuilder escaped = new StringBuilder();
      append(escaped, text, start, end);
      return escaped.toString();
    }
  }

  @Test
  void escapesAsLucenesFormatterDoes() {
    Highlights.Formatter formatter = new Highlights.Formatter();
    Lucenes lucenes = new Lucenes();
    for (String text :
        new String[] {
          "",
          "plain words only",
          "<script>alert('x')</script> & \"quoted\" a/b",
          "&&<<>>''//\"\"",
          "ends with an escape <",
          "é, — and 🦀 beside <b> & ünïcode/",
        }) {
      assertThat(formatter.escape(text)).as(text).isEqualTo(lucenes.escape(text, 0, text.length()));
      if (text.length() > 4) {
        StringBuilder part = new StringBuilder("kept ");
        formatter.append(part, text, 2, text.length() - 1);
        assertThat(part.toString())
            .as("part of " + text)
            .isEqualTo("kept " + lucenes.escape(text, 2, text.length() - 1));
      }
    }
  }
}
