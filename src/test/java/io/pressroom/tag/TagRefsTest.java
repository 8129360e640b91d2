package io.pressroom.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The article's tags travel as one column of its row; {@link TagService#refs} reads it back. */
class TagRefsTest {

  @Test
  void pairsOfSlugAndNameComeBackInTheirOrder() {
    assertThat(TagService.refs("rust\u001fRust\u001ec-plus-plus\u001fC++"))
        .containsExactly(new TagRef("rust", "Rust"), new TagRef("c-plus-plus", "C++"));
  }

  @Test
  void anArticleWithoutTagsHasNone() {
    assertThat(TagService.refs(null)).isEmpty();
  }

  @Test
  void namesKeepTheirSpaces() {
    assertThat(TagService.refs("web-assembly\u001fWeb Assembly"))
        .containsExactly(new TagRef("web-assembly", "Web Assembly"));
  }
}
