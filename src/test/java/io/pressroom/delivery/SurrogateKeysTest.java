package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.ArticleChanged;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurrogateKeysTest {

  @Test
  void answersNameTheirKindAndEveryArticleTheyShow() {
    assertThat(SurrogateKeys.ofAnswer("/api/v1/articles/some-slug", Set.of(7L)))
        .containsExactly("pressroom", "article-7");
    assertThat(SurrogateKeys.ofAnswer("/api/v1/articles/some-slug/comments", Set.of(7L)))
        .containsExactly("pressroom", "discussions", "article-7");
    assertThat(SurrogateKeys.ofAnswer("/api/v1/articles", List.of(9L, 3L)))
        .containsExactly("pressroom", "articles", "article-3", "article-9");
    assertThat(SurrogateKeys.ofAnswer("/api/v1/tags/rust/articles", Set.of(1L)))
        .containsExactly("pressroom", "articles", "article-1");
    assertThat(SurrogateKeys.ofAnswer("/feeds/authors/desk.atom", Set.of()))
        .containsExactly("pressroom", "articles");
    assertThat(SurrogateKeys.ofAnswer("/api/v1/tags", Set.of()))
        .containsExactly("pressroom", "tags");
    assertThat(SurrogateKeys.ofAnswer("/api/v1/tags/rust", Set.of()))
        .containsExactly("pressroom", "tags");
    assertThat(SurrogateKeys.ofAnswer("/api/v1/authors/desk", Set.of()))
        .containsExactly("pressroom", "authors");
  }

  @Test
  void feedbackPurgesTheArticleAloneAndDraftsNothing() {
    assertThat(SurrogateKeys.ofChange(new ArticleChanged(5, "s", ArticleChanged.Kind.FEEDBACK)))
        .containsExactly("article-5");
    ArticleChanged draft =
        new ArticleChanged(
            5, "s", ArticleChanged.Kind.UPDATED, null, false, ArticleChanged.FeedOp.NONE);
    assertThat(SurrogateKeys.ofChange(draft)).isEmpty();
  }

  @Test
  void aShownArticleWrittenPurgesItAndEveryListing() {
    ArticleChanged scheduled =
        new ArticleChanged(
            5,
            "s",
            ArticleChanged.Kind.PUBLISHED,
            Instant.parse("2030-01-01T00:00:00Z"),
            true,
            ArticleChanged.FeedOp.NONE);
    assertThat(SurrogateKeys.ofChange(scheduled))
        .containsExactly("article-5", "articles", "tags", "authors");
  }

  @Test
  void otherContentPurgesAuthorsForFollowersAndElseEverything() {
    assertThat(SurrogateKeys.ofChange(PublicContentChanged.FOLLOWERS)).containsExactly("authors");
    assertThat(SurrogateKeys.ofChange(new PublicContentChanged("tag")))
        .containsExactly("pressroom");
  }

  @Test
  void severalPurgesBecomeOneHeaderWithEachKeyOnce() {
    assertThat(SurrogateKeys.join(List.of("article-1 articles", " articles  tags ", "article-1")))
        .isEqualTo("article-1 articles tags");
  }
}
