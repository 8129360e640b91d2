package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

  @Test
  void ifNoneMatchComparesWeakly() {
    assertThat(EntityTags.matchesAny("W/\"abc\"", "W/\"abc\"")).isTrue();
    assertThat(EntityTags.matchesAny("\"abc\"", "W/\"abc\"")).isTrue();
    assertThat(EntityTags.matchesAny("\"x\", W/\"abc\"", "W/\"abc\"")).isTrue();
    assertThat(EntityTags.matchesAny("*", "W/\"abc\"")).isTrue();
    assertThat(EntityTags.matchesAny("W/\"abd\"", "W/\"abc\"")).isFalse();
    assertThat(EntityTags.matchesAny("", "W/\"abc\"")).isFalse();
    assertThat(EntityTags.matchesAny(null, "W/\"abc\"")).isFalse();
  }

  @Test
  void ifMatchNamesAVersionWhateverTheRestOfTheTag() {
    assertThat(EntityTags.matchesVersion("W/\"v3-0a1b2c3d4e5f6071\"", "v3")).isTrue();
    assertThat(EntityTags.matchesVersion("\"v3-ffff\"", "v3")).isTrue();
    assertThat(EntityTags.matchesVersion("*", "v3")).isTrue();
    assertThat(EntityTags.matchesVersion("W/\"v2-0a1b\", W/\"v3-0a1b\"", "v3")).isTrue();
    assertThat(EntityTags.matchesVersion("W/\"v30-0a1b\"", "v3")).isFalse();
    assertThat(EntityTags.matchesVersion("W/\"v2-0a1b\"", "v3")).isFalse();
  }
}
