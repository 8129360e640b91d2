package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SearchQueriesTest {

  private final SearchQueries queries = new SearchQueries(SearchFields.analyzer());

  @Test
  void everyWordIsRequiredAndTheLastOneIsAlsoAPrefix() {
    String query = queries.articles("memory kern").toString();
    assertThat(query).contains("+words:memori").contains("words:kern*").contains("title:kern*");
    assertThat(queries.articles("kern memory").toString()).doesNotContain("kern*");
  }

  @Test
  void aWordOfTheIndexIsNotAlsoAPrefix() {
    SearchQueries.Terms indexed = term -> term.equals("kernel");
    assertThat(queries.articles("memory kernels", indexed).toString()).doesNotContain("*");
    assertThat(queries.articles("memory kern", indexed).toString()).contains("title:kern*");
  }

  @Test
  void aWordMatchesInAllTheFieldsAtOnceAndItsTitleOnlyAdds() {
    assertThat(queries.articles("memory allocator", term -> true).toString())
        .contains("+words:memori (title:memori)^4.0 +words:alloc (title:alloc)^4.0")
        .doesNotContain("body:")
        .doesNotContain("summary:");
    assertThat(queries.articles("memory -slab", term -> true).toString())
        .isEqualTo("-words:slab +(words:memori (title:memori)^4.0)");
  }

  @Test
  void shortPrefixesAndStopWordsAloneMatchNothingExtra() {
    assertThat(queries.articles("ke").toString()).doesNotContain("*");
    assertThat(queries.articles("an")).isNull();
    assertThat(queries.titles("r").toString()).contains("title_beginnings:r");
  }

  @Test
  void quotesMakeAPhraseAndAMinusExcludes() {
    String query = queries.articles("\"memory allocator\" -slab ").toString();
    assertThat(query).contains("+pairs:memori alloc").contains("-words:slab");
  }

  @Test
  void aPhraseOfTwoWordsIsOneTermOfPairsWithTheTitlesAndSummarysPairsOnlyScoring() {
    String query = queries.articles("\"memory allocators\"").toString();
    assertThat(query)
        .contains("+pairs:memori alloc")
        .contains("(title_pairs:memori alloc)^4.0")
        .contains("(summary_pairs:memori alloc)^2.0");
    assertThat(query).as("no positions read").doesNotContain("\"memori alloc\"");
    assertThat(query).as("no single words read").doesNotContain("title:memori");
  }

  @Test
  void thePhrasesWordsAreNamedForTheSnippetsToMark() {
    assertThat(queries.phraseWords("\"memory allocators\" latency -\"slab cache\""))
        .hasToString("title:memori title:alloc");
    assertThat(queries.phraseWords("memory allocators")).isNull();
  }

  @Test
  void aLongerPhraseNeedsEveryPairAndStillItsPositions() {
    String query = queries.articles("\"fast memory allocators\"").toString();
    assertThat(query)
        .contains("+pairs:fast memori")
        .contains("+pairs:memori alloc")
        .contains("body:\"fast memori alloc\"");
  }

  @Test
  void wordsTogetherAreRewardedByTheirPairsNotByPositions() {
    String query = queries.articles("memory allocator latency").toString();
    assertThat(query).contains("pairs:memori alloc").contains("pairs:alloc latenc");
    assertThat(query).doesNotContain("\"").doesNotContain("+pairs");
  }

  @Test
  void aStopWordBetweenWordsIsAFillerButNotAtTheEdges() {
    assertThat(queries.pairs("memory of the allocators")).containsExactly("memori _", "_ alloc");
    assertThat(queries.pairs("the memory allocator of")).containsExactly("memori alloc");
    assertThat(queries.pairs("the memory")).isEmpty();
    assertThat(queries.articles("\"memory of allocators\"").toString())
        .contains("+pairs:memori _")
        .contains("+pairs:_ alloc")
        .contains("body:\"memori ? alloc\"");
    assertThat(queries.articles("\"the memory\"").toString()).doesNotContain("pairs");
  }

  @Test
  void aWordStillBeingTypedPairsAsAPrefix() {
    assertThat(queries.articles("memory kern").toString()).contains("pairs:memori kern*");
    SearchQueries.Terms indexed = term -> term.equals("kernel");
    assertThat(queries.articles("memory kernels", indexed).toString())
        .contains("pairs:memori kernel")
        .doesNotContain("*");
  }

  /** An index of these terms: a word is in it, and a beginning begins one of them. */
  private static SearchQueries.Terms indexOf(String... terms) {
    return new SearchQueries.Terms() {
      @Override
      public boolean indexed(String term) {
        return Arrays.asList(terms).contains(term);
      }

      @Override
      public boolean begun(String beginning) {
        return Arrays.stream(terms).anyMatch(term -> term.startsWith(beginning));
      }
    };
  }

  @Test
  void aWordTypedPastTheStemTheIndexKeepsBeginsThatStem() {
    SearchQueries.Terms index = indexOf("memori", "secur", "secret");
    assertThat(queries.articles("memory securit", index).toString())
        .contains("words:secur*")
        .contains("title:secur*")
        .contains("pairs:memori secur*")
        .doesNotContain("securit*");
    assertThat(queries.titles("memory securit", index).toString())
        .contains("title_beginnings:secur)")
        .doesNotContain("title_beginnings:securit");
    assertThat(queries.articles("memory secu", index).toString()).contains("words:secu*");
    assertThat(queries.articles("memory carpet", indexOf("memori", "car")).toString())
        .as("no ending leads from carpet back to car")
        .contains("words:carpet*")
        .doesNotContain("car*");
  }

  @Test
  void aWordOfSeveralPartsStillBeingTypedIsWholeButItsLastPart() {
    SearchQueries.Terms index = indexOf("open", "sourc");
    assertThat(queries.articles("open-sour", index).toString())
        .contains("+words:open")
        .contains("words:sour*")
        .contains("pairs:open sour*")
        .doesNotContain("opensour");
    assertThat(queries.articles("open-source", index).toString())
        .as("a word of the index is itself")
        .doesNotContain("*");
    assertThat(queries.titles("open-sour").toString()).contains("title_beginnings:sour");
  }

  @Test
  void titleSuggestionsDoNotUsePairs() {
    assertThat(queries.titles("memory allocators").toString())
        .doesNotContain("pairs")
        .contains("title:\"memori alloc");
  }
}
