package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void theLastWordAlsoStandsForTheWordsItBegins() {
    assertThat(SearchText.of("kern")).isEqualTo(new SearchText("", "kern:*"));
    assertThat(SearchText.of("memory Kern")).isEqualTo(new SearchText("memory ", "kern:*"));
    assertThat(SearchText.of("memory kern  ")).isEqualTo(new SearchText("memory ", "kern:*"));
    assertThat(SearchText.of("open-sour")).isEqualTo(new SearchText("open-", "sour:*"));
    assertThat(SearchText.of("\"exact phrase\" über"))
        .isEqualTo(new SearchText("\"exact phrase\" ", "über:*"));
  }

  @Test
  void aQuotedExcludedOrShortLastWordIsOnlyItself() {
    assertThat(SearchText.of("memory \"kern\"")).isEqualTo(new SearchText("memory \"kern\"", ""));
    assertThat(SearchText.of("memory \"kern")).isEqualTo(new SearchText("memory \"kern", ""));
    assertThat(SearchText.of("memory -kern")).isEqualTo(new SearchText("memory -kern", ""));
    assertThat(SearchText.of("memory ke")).isEqualTo(new SearchText("memory ke", ""));
    assertThat(SearchText.of("c++")).isEqualTo(new SearchText("c++", ""));
    assertThat(SearchText.of("")).isEqualTo(new SearchText("", ""));
  }

  @Test
  void nothingButLettersAndDigitsReachesTheBeginning() {
    assertThat(SearchText.of("a:*|b & !kern").beginning()).isEqualTo("kern:*");
    assertThat(SearchText.of("x')--").beginning()).isEmpty();
  }
}
