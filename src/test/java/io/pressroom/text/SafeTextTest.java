package io.pressroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "tab\tline\nreturn\r",
        "del\u007f and c1 \u0085",
        "emoji \uD83D\uDE00",
        "ümlaut and 漢字",
        "replacement \uFFFD"
      })
  void acceptsText(String text) {
    assertThat(SafeText.isSafe(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nul \u0000",
        "\u0001start",
        "bell \u0007",
        "escape \u001b[31m",
        "unit separator \u001f",
        "high \uD83D alone",
        "low \uDE00 alone",
        "ends high \uD83D"
      })
  void refusesControlCharactersAndUnpairedSurrogates(String text) {
    assertThat(SafeText.isSafe(text)).isFalse();
  }
}
