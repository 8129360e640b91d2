package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainPathsTest {

  @Test
  void slugsAndHandlesArePlainPathsAnythingToEncodeOrNormaliseIsNot() {
    assertThat(Links.plain("/api/v1/articles/rust-in-the-kernel-42")).isTrue();
    assertThat(Links.plain("/feeds/tags/linux.atom")).isTrue();
    assertThat(Links.plain("/api/v1/authors/Ann_B")).isTrue();

    assertThat(Links.plain("")).isFalse();
    assertThat(Links.plain("api/v1")).isFalse();
    assertThat(Links.plain("/api/v1/articles/caf\u00e9")).isFalse();
    assertThat(Links.plain("/api/v1/articles/a b")).isFalse();
    assertThat(Links.plain("/api/v1/articles/a%20b")).isFalse();
    assertThat(Links.plain("/api/v1/../x")).isFalse();
    assertThat(Links.plain("/api//x")).isFalse();
  }
}
