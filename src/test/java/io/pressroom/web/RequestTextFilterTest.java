package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTextFilterTest {

  @Test
  void plainTargetsNeedNoDecoding() {
    assertThat(RequestTextFilter.plainAscii("/api/v1/articles?tag=rust&q=a+b&limit=5")).isTrue();
  }

  @Test
  void encodedOrNonAsciiTargetsAreDecodedAndChecked() {
    assertThat(RequestTextFilter.plainAscii("/api/v1/authors/%00")).isFalse();
    assertThat(RequestTextFilter.plainAscii("/api/v1/articles?q=caf%C3%A9")).isFalse();
    assertThat(RequestTextFilter.plainAscii("/api/v1/articles?q=café")).isFalse();
    assertThat(RequestTextFilter.plainAscii("/api/v1/articles?q=a\u0001b")).isFalse();
    assertThat(RequestTextFilter.plainAscii("/api/v1/articles?q=a b")).isFalse();
  }
}
