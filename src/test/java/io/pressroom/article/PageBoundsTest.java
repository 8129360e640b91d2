package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page's bounds are written into the listing statement (so its plan is kept), as numbers. */
class PageBoundsTest {

  @Test
  void aFirstPageHasNoOffset() {
    assertThat(ListingFilters.pageBounds(21, 0)).isEqualTo(" limit 21");
  }

  @Test
  void aNumberedPageSkipsTheOnesBefore() {
    assertThat(ListingFilters.pageBounds(21, 40)).isEqualTo(" limit 21 offset 40");
  }
}
