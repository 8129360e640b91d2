package io.pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinksTest {

  @Test
  void theBaseUrlIsRequiredAndNamedByItsVariable() {
    for (Optional<String> missing : java.util.List.of(Optional.<String>empty(), Optional.of(" "))) {
      assertThatThrownBy(() -> Links.origin(missing))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("PRESSROOM_PUBLIC_BASE_URL is not set");
    }
  }

  @Test
  void onlyAnAbsoluteHttpUrlWithoutQueryIsAccepted() {
    for (String bad :
        new String[] {
          "api.example.com",
          "/api",
          "ftp://api.example.com",
          "https://",
          "https://api.example.com/?x=1",
          "https://api.example.com/#top",
          "https://user@api.example.com",
          "https://api example.com"
        }) {
      assertThatThrownBy(() -> Links.origin(Optional.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("PRESSROOM_PUBLIC_BASE_URL");
    }
  }

  @Test
  void aTrailingSlashIsDroppedAndAPathPrefixKept() {
    assertThat(Links.origin(Optional.of("https://api.example.com/")))
        .isEqualTo("https://api.example.com");
    assertThat(Links.origin(Optional.of(" http://localhost:8080 ")))
        .isEqualTo("http://localhost:8080");
    assertThat(Links.origin(Optional.of("https://example.com/press/")))
        .isEqualTo("https://example.com/press");
  }
}
