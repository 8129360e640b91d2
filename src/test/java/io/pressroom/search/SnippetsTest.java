package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

  private final SearchQueries queries = new SearchQueries(SearchFields.analyzer());
  private final Snippets snippets = new Snippets(SearchFields.analyzer());

  @Test
  void marksMatchedWordsAndEscapesTheRest() {
    String snippet =
        snippets.snippet(
            queries.articles("kernels "),
            "Title",
            "Summary",
            "A <b>kernel</b> & a <script>alert(1)</script> among kernels.");
    assertThat(snippet)
        .isEqualTo(
            "A &lt;b&gt;<mark>kernel</mark>&lt;&#x2F;b&gt; &amp; a &lt;script&gt;alert(1)&lt;&#x2F;script&gt;"
                + " among <mark>kernels</mark>.");
  }

  @Test
  void fallsBackToTheSummaryWhenTheBodyDoesNotMatch() {
    String snippet =
        snippets.snippet(queries.articles("summary "), "Title", "A summary <here>", "Body");
    assertThat(snippet).isEqualTo("A <mark>summary</mark> &lt;here&gt;");
  }

  @Test
  void markdownReadsAsText() {
    assertThat(
            Snippets.plainText(
                "## Head\n\nSome *body* and [a link](https://x.example) ![img](y.png)"))
        .isEqualTo("Head Some body and a link img");
  }
}
