package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class UnfinishedWordsTest {

  private static final Analyzer ANALYZER = SearchFields.analyzer();

  private static final Set<String> INDEX =
      Set.of("secur", "applic", "perform", "alloc", "gener", "car", "kernel", "memori");

  private static String stem(String typed) {
    return UnfinishedWords.stem(ANALYZER, typed, INDEX::contains).orElse(null);
  }

  @Test
  void aWordTypedPastItsStemStandsForTheStem() {
    assertThat(stem("securit")).isEqualTo("secur");
    assertThat(stem("securi")).isEqualTo("secur");
    assertThat(stem("applicat")).isEqualTo("applic");
    assertThat(stem("applicatio")).isEqualTo("applic");
    assertThat(stem("performan")).isEqualTo("perform");
    assertThat(stem("allocat")).isEqualTo("alloc");
    assertThat(stem("generalizat")).isEqualTo("gener");
  }

  @Test
  void aWordThatNoEndingLeadsBackToAWordOfTheIndexStandsForNothing() {
    assertThat(stem("carpet")).as("not on its way to car").isNull();
    assertThat(stem("zorkat")).as("its stem is not in the index").isNull();
    assertThat(stem("kern")).as("short of its stem: a prefix already").isNull();
  }
}
