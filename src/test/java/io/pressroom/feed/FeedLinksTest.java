package io.pressroom.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedLinksTest {

  @Test
  void slugsAndHandlesArePlainPathsAnythingToEncodeOrNormaliseIsNot() {
    assertThat(FeedLinks.plain("/api/v1/articles/rust-in-the-kernel-42")).isTrue();
    assertThat(FeedLinks.plain("/feeds/tags/linux.atom")).isTrue();
    assertThat(FeedLinks.plain("/api/v1/authors/Ann_B")).isTrue();

    assertThat(FeedLinks.plain("")).isFalse();
    assertThat(FeedLinks.plain("api/v1")).isFalse();
    assertThat(FeedLinks.plain("/api/v1/articles/caf\u00e9")).isFalse();
    assertThat(FeedLinks.plain("/api/v1/articles/a b")).isFalse();
    assertThat(FeedLinks.plain("/api/v1/articles/a%20b")).isFalse();
    assertThat(FeedLinks.plain("/api/v1/../x")).isFalse();
    assertThat(FeedLinks.plain("/api//x")).isFalse();
  }
}
