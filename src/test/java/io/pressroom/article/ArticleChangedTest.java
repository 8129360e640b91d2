package io.pressroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleChangedTest {

  private static ArticleChanged change(ArticleChanged.Kind kind, boolean shown) {
    return new ArticleChanged(7, "slug", kind, null, shown, ArticleChanged.FeedOp.UNSETTLED);
  }

  @Test
  void aWriteReadersCouldSeeChangesListingsUnlessItIsOnlyFeedback() {
    for (ArticleChanged.Kind kind : ArticleChanged.Kind.values()) {
      assertThat(change(kind, true).changesListings())
          .as(kind.name())
          .isEqualTo(kind != ArticleChanged.Kind.FEEDBACK);
    }
  }

  @Test
  void aWriteNoReaderCouldSeeChangesNoListing() {
    for (ArticleChanged.Kind kind : ArticleChanged.Kind.values()) {
      assertThat(change(kind, false).changesListings()).as(kind.name()).isFalse();
    }
  }
}
