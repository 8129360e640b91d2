package io.pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  private static final Instant AT = Instant.parse("2026-11-18T23:07:10.799196Z");

  @Test
  void readsATimestampAsPostgresqlWritesItInAnyTimeZone() {
    assertThat(Timestamps.parse("2026-11-18 23:07:10.799196+00")).isEqualTo(AT);
    assertThat(Timestamps.parse("2026-11-19 00:07:10.799196+01")).isEqualTo(AT);
    assertThat(Timestamps.parse("2026-11-18 20:07:10.799196-03")).isEqualTo(AT);
    assertThat(Timestamps.parse("2026-11-19 04:37:10.799196+05:30")).isEqualTo(AT);
    // Trailing zeros of the fraction are left out, and a whole second has none.
    assertThat(Timestamps.parse("2026-11-18 23:07:10.7+00"))
        .isEqualTo(Instant.parse("2026-11-18T23:07:10.700Z"));
    assertThat(Timestamps.parse("2026-11-18 23:07:10+00"))
        .isEqualTo(Instant.parse("2026-11-18T23:07:10Z"));
  }

  @Test
  void readsIsoTextAsWell() {
    assertThat(Timestamps.parse(AT.toString())).isEqualTo(AT);
    assertThat(Timestamps.parse("2026-11-19T00:07:10.799196+01:00")).isEqualTo(AT);
  }

  @Test
  void refusesOtherText() {
    for (String text : new String[] {"", "yesterday", "2026-11-18", "2026-11-18 23:07:10"}) {
      assertThatThrownBy(() -> Timestamps.parse(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
    }
  }
}
