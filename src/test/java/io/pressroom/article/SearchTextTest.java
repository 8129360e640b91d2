package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void theLastWordAlsoStandsForTheWordsItBegins() {
    assertThat(SearchText.of("kern")).isEqualTo(new SearchText("", "kern:*"));
    assertThat(SearchText.of("memory Kern")).isEqualTo(new SearchText("memory", "kern:*"));
    assertThat(SearchText.of(" memory\tkern  ")).isEqualTo(new SearchText("memory", "kern:*"));
    assertThat(SearchText.of("open-sour")).isEqualTo(new SearchText("open-", "sour:*"));
    assertThat(SearchText.of("\"exact phrase\" über"))
        .isEqualTo(new SearchText("\"exact phrase\"", "über:*"));
    assertThat(SearchText.of("cats or dogs pets"))
        .isEqualTo(new SearchText("cats or dogs", "pets:*"));
  }

  @Test
  void aQuotedExcludedOrShortLastWordIsOnlyItself() {
    assertThat(SearchText.of("memory \"kern\"")).isEqualTo(new SearchText("memory \"kern\"", ""));
    assertThat(SearchText.of("memory \"kern")).isEqualTo(new SearchText("memory \"kern", ""));
    assertThat(SearchText.of("memory -kern")).isEqualTo(new SearchText("memory -kern", ""));
    assertThat(SearchText.of("memory\n-kern")).isEqualTo(new SearchText("memory\n-kern", ""));
    assertThat(SearchText.of("memory ke")).isEqualTo(new SearchText("memory ke", ""));
    assertThat(SearchText.of("c++")).isEqualTo(new SearchText("c++", ""));
    assertThat(SearchText.of("")).isEqualTo(new SearchText("", ""));
  }

  @Test
  void aLastWordPostgresqlKeepsWholeIsMatchedWhole() {
    for (String whole : new String[] {"github.com", "jane@example.org", "/etc/passwd", "3.14159"}) {
      assertThat(SearchText.of("see " + whole)).isEqualTo(new SearchText("see " + whole, ""));
    }
    assertThat(SearchText.of("don't")).isEqualTo(new SearchText("don't", ""));
  }

  @Test
  void aLastWordAfterOrIsOnlyItselfSoThatOrStillJoinsIt() {
    assertThat(SearchText.of("cats or dogs")).isEqualTo(new SearchText("cats or dogs", ""));
    assertThat(SearchText.of("cats OR dogs")).isEqualTo(new SearchText("cats OR dogs", ""));
  }

  @Test
  void nothingButLettersAndDigitsReachesTheBeginning() {
    assertThat(SearchText.of("a:*|b & kern").beginning()).isEqualTo("kern:*");
    assertThat(SearchText.of("x')--").beginning()).isEmpty();
    assertThat(SearchText.of("!kern").beginning()).isEmpty();
  }
}
