package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The choice of the search rows' queries from document frequencies. */
class SearchWordsTest {

  static final List<SearchWords.Share> WORDS =
      SearchWords.parse(
          String.join(
              "\n",
              "allocator|0.10000",
              "codename|0.10000",
              "compiler|0.12000",
              "kernel|0.20000",
              "kern|0.00100",
              "latency|0.18000",
              "memory|0.15000",
              "open-source|0.33000",
              "patch|0.09000",
              "project|0.30000",
              "release|0.36000",
              "rust|0.11000",
              "storage|0.14000",
              "support|0.34000",
              "version|0.31000",
              "x86|0.33300",
              "zig|0.01000"));

  static final List<SearchWords.Share> PHRASES =
      SearchWords.parse(
          "kernel patch|0.031\nmemory allocator|0.02\nrust compiler|0.012\nkernel kernel|0.03\n"
              + "unknown word|0.03\nsupport project|0.5");

  @Test
  void parsesPsqlsUnalignedOutputAndSkipsWhatIsNoFigure() {
    assertThat(SearchWords.parse("memory|0.15\nnot a line\n(3 rows)\nx|y\n\ncloud storage|0.020"))
        .containsExactly(
            new SearchWords.Share("memory", 0.15), new SearchWords.Share("cloud storage", 0.02));
  }

  @Test
  void commonWordsAreOnAboutAThirdOfTheArticles() {
    SearchWords w = SearchWords.choose(WORDS, PHRASES, List.of());

    // Nearest to 1/3 first; hyphenated words, digits and the generator's marker are left out.
    assertThat(w.common()).containsExactly("support", "version", "release", "project");
  }

  @Test
  void rareWordsAreTheGeneratorsCodenamesOrElseTheRarestWords() {
    assertThat(
            SearchWords.choose(
                    WORDS,
                    PHRASES,
                    List.of("kakakax", "zokakax", "kakakax", "rikakax", "tukakax", "x"))
                .rare())
        .containsExactly("kakakax", "zokakax", "rikakax", "tukakax");
    assertThat(SearchWords.choose(WORDS, PHRASES, List.of()).rare())
        .containsExactly("kern", "zig", "patch", "allocator");
  }

  @Test
  void phrasesAreQuotedPairsOfKnownDifferentWords() {
    SearchWords w = SearchWords.choose(WORDS, PHRASES, List.of());

    assertThat(w.phrase())
        .containsExactly(
            "\"kernel patch\"", "\"memory allocator\"", "\"rust compiler\"", "\"support project\"");
  }

  @Test
  void variedQueriesAreEveryWordPhraseAndPrefixThenPairsAllDifferent() {
    List<String> varied = SearchWords.choose(WORDS, PHRASES, List.of()).varied();

    // 14 usable words, 4 phrases of two known different words, the first four letters of the 8
    // words of 7 letters or more, then pairs until VARIED or every ordered pair of different
    // words: 14 x 13.
    assertThat(varied).doesNotHaveDuplicates().hasSize(14 + 4 + 8 + 14 * 13);
    assertThat(varied)
        .contains("memory", "\"kernel patch\"", "comp", "late", "allocator compiler")
        .contains("zig allocator")
        .doesNotContain("codename", "x86", "\"kernel kernel\"", "kernel kernel", "kern kern");
    assertThat(SearchWords.choose(WORDS, PHRASES, List.of()).varied()).isEqualTo(varied);
  }

  @Test
  void variedQueriesStopAtTheirNumber() {
    List<SearchWords.Share> many = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(new SearchWords.Share("word" + (char) ('a' + i / 26) + (char) ('a' + i % 26), 0.1));
    }

    assertThat(SearchWords.varied(many, List.of()))
        .hasSize(SearchWords.VARIED)
        .doesNotHaveDuplicates();
  }

  @Test
  void severalWordsAreTwoOrThreeOfMiddlingFrequency() {
    SearchWords w = SearchWords.choose(WORDS, PHRASES, List.of());

    assertThat(w.multi())
        .containsExactly("memory storage", "compiler latency rust", "allocator kernel");
    assertThat(w.multi()).allMatch(q -> q.split(" ").length >= 2 && q.split(" ").length <= 3);
  }

  @Test
  void prefixesAreTheStartOfFrequentLongWordsAndNoWordThemselves() {
    SearchWords w = SearchWords.choose(WORDS, PHRASES, List.of());

    // "kernel" is too short (6 letters) and "kern" is a word of the data: never a prefix query.
    assertThat(w.prefix()).containsExactly("proj", "vers", "late", "supp");
    assertThat(w.prefix()).doesNotContain("kern");
  }

  @Test
  void nothingToChooseFromGivesEmptyRows() {
    SearchWords w = SearchWords.choose(List.of(), List.of(), List.of());

    assertThat(w.common()).isEmpty();
    assertThat(w.rare()).isEmpty();
    assertThat(w.phrase()).isEmpty();
    assertThat(w.multi()).isEmpty();
    assertThat(w.prefix()).isEmpty();
  }
}
