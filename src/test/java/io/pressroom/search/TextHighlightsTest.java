package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.ArticleSearch;
import io.pressroom.article.SearchHighlight;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextHighlightsTest {

  private final TextHighlights highlights =
      new TextHighlights(
          new SearchQueries(SearchFields.analyzer()), new Highlights(SearchFields.analyzer()));

  @Test
  void marksEachArticleInOrderFromItsMarkdown() {
    List<SearchHighlight> marked =
        highlights.highlights(
            "scheduler",
            List.of(
                new ArticleSearch.Text("Other", null, "## The *scheduler* woke [up](https://x)."),
                new ArticleSearch.Text("A scheduler", "Summary", "Nothing here.")));
    assertThat(marked)
        .containsExactly(
            new SearchHighlight(null, "The <mark>scheduler</mark> woke up."),
            new SearchHighlight("A <mark>scheduler</mark>", "Summary"));
  }

  @Test
  void theLastWordBeginsOthersOnlyWhenNoArticleHasIt() {
    ArticleSearch.Text kernel = new ArticleSearch.Text("Kernels", "", "The kernel and kern.");
    assertThat(highlights.highlights("kern", List.of(kernel)).get(0).snippet())
        .isEqualTo("The kernel and <mark>kern</mark>.");
    assertThat(highlights.highlights("ker", List.of(kernel)).get(0))
        .isEqualTo(
            new SearchHighlight(
                "<mark>Kernels</mark>", "The <mark>kernel</mark> and <mark>kern</mark>."));
  }

  @Test
  void onlyStopWordsMarkNothing() {
    assertThat(
            highlights.highlights(
                "the", List.of(new ArticleSearch.Text("The title", "The summary", "The body"))))
        .containsExactly(new SearchHighlight(null, "The summary"));
  }
}
