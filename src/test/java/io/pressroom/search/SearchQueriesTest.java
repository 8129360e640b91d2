package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueriesTest {

  private final SearchQueries queries = new SearchQueries(SearchFields.analyzer());

  @Test
  void everyWordIsRequiredAndTheLastOneIsAlsoAPrefix() {
    String query = queries.articles("memory kern").toString();
    assertThat(query).contains("+(").contains("body:memori").contains("title:kern*");
    assertThat(queries.articles("kern memory").toString()).doesNotContain("kern*");
  }

  @Test
  void aWordOfTheIndexIsNotAlsoAPrefix() {
    SearchQueries.Terms indexed = term -> term.equals("kernel");
    assertThat(queries.articles("memory kernels", indexed).toString()).doesNotContain("*");
    assertThat(queries.articles("memory kern", indexed).toString()).contains("title:kern*");
  }

  @Test
  void shortPrefixesAndStopWordsAloneMatchNothingExtra() {
    assertThat(queries.articles("ke").toString()).doesNotContain("*");
    assertThat(queries.articles("an")).isNull();
    assertThat(queries.titles("r").toString()).contains("title:r*");
  }

  @Test
  void quotesMakeAPhraseAndAMinusExcludes() {
    String query = queries.articles("\"memory allocator\" -slab ").toString();
    assertThat(query).contains("body:\"memori alloc\"").contains("-(");
  }
}
