package io.pressroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void titlesBecomeLowerCaseWordsJoinedByDashes() {
    assertThat(Slugs.slugify("Rust enters the Linux kernel!", 100))
        .isEqualTo("rust-enters-the-linux-kernel");
    assertThat(Slugs.slugify("  --Hello,   World--  ", 100)).isEqualTo("hello-world");
  }

  @Test
  void accentsFallAwayAndSymbolsThatMeanSomethingAreSpelledOut() {
    assertThat(Slugs.slugify("Café Déjà Vu", 100)).isEqualTo("cafe-deja-vu");
    assertThat(Slugs.slugify("C++ and C#", 100)).isEqualTo("c-plus-plus-and-c-sharp");
  }

  @Test
  void longSlugsAreCutWithoutATrailingDash() {
    assertThat(Slugs.slugify("abc def ghi", 8)).isEqualTo("abc-def");
    assertThat(Slugs.slugify("abcdefghij", 4)).isEqualTo("abcd");
  }

  @Test
  void textWithoutLettersOrDigitsGivesAnEmptySlug() {
    assertThat(Slugs.slugify("!!! ??? ---", 100)).isEmpty();
    assertThat(Slugs.slugify("日本語", 100)).isEmpty();
    assertThat(Slugs.slugify(null, 100)).isEmpty();
  }
}
