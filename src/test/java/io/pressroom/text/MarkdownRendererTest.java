package io.pressroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private final MarkdownRenderer markdown = new MarkdownRenderer();

  @Test
  void articlesShowImagesAndCommentsDoNot() {
    String text = "Look ![pixel](https://tracker.example/p.gif) and [here](https://example.com).";

    assertThat(markdown.toSafeHtml(text)).contains("<img").contains("tracker.example");
    assertThat(markdown.toSafeCommentHtml(text))
        .doesNotContain("<img")
        .doesNotContain("tracker.example")
        .contains("<a href=\"https://example.com\"");
  }

  @Test
  void scriptsHandlersAndJavascriptLinksNeverSurvive() {
    String text =
        "<script>alert(1)</script><b onclick=\"x()\">bold</b>\n\n[x](javascript:alert(1))";

    for (String html : new String[] {markdown.toSafeHtml(text), markdown.toSafeCommentHtml(text)}) {
      assertThat(html)
          .doesNotContain("<script")
          .doesNotContain("onclick")
          .doesNotContain("href=\"javascript");
    }
  }

  @Test
  void readingTimeIsAtLeastAMinute() {
    assertThat(MarkdownRenderer.readingMinutes("")).isEqualTo(1);
    assertThat(MarkdownRenderer.readingMinutes("word ".repeat(221))).isEqualTo(2);
  }
}
