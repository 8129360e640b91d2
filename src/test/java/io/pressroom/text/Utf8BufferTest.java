package io.pressroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {

  private static final String[] PIECES = {
    "a",
    "Zz",
    " ",
    "The quick brown fox jumps over the lazy dog. ",
    "é",
    "ÿ",
    "ü",
    "—",
    "✓",
    "\uFFFD",
    "🦀",
    "\uD83E",
    "\uDD80",
    "\u0000",
    "\u007F"
  };

  @Test
  void writesWhatStringGetBytesWrites() {
    Random random = new Random(14);
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(12);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String value = text.toString();
      Utf8Buffer buffer = new Utf8Buffer(1);
      buffer.append(value);
      assertThat(buffer.toByteArray())
          .as("%s", value)
          .isEqualTo(value.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void appendsARangeAndSingleChars() {
    Utf8Buffer buffer = new Utf8Buffer(2);
    buffer.append("xx—yy", 2, 4).append('é').append('!');

    assertThat(new String(buffer.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("—yé!");
  }
}
