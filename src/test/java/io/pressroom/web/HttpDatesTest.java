package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

  private static final Instant AT = Instant.parse("2026-11-03T09:05:07.250Z");

  @Test
  void formatsTheImfFixdate() {
    assertThat(HttpDates.format(AT)).isEqualTo("Tue, 03 Nov 2026 09:05:07 GMT");
  }

  @Test
  void aCopyAtOrAfterTheLastChangeIsNotModified() {
    assertThat(HttpDates.notModifiedSince("Tue, 03 Nov 2026 09:05:07 GMT", AT)).isTrue();
    assertThat(HttpDates.notModifiedSince("Tue, 3 Nov 2026 09:05:08 GMT", AT)).isTrue();
    assertThat(HttpDates.notModifiedSince("Tue, 03 Nov 2026 09:05:06 GMT", AT)).isFalse();
  }

  @Test
  void missingOrUnreadableDatesNeverMatch() {
    assertThat(HttpDates.notModifiedSince(null, AT)).isFalse();
    assertThat(HttpDates.notModifiedSince("", AT)).isFalse();
    assertThat(HttpDates.notModifiedSince("yesterday", AT)).isFalse();
    assertThat(HttpDates.notModifiedSince("Tuesday, 03-Nov-26 09:05:07 GMT", AT)).isFalse();
    assertThat(HttpDates.notModifiedSince("Tue, 03 Nov 2026 09:05:07 GMT", null)).isFalse();
  }
}
