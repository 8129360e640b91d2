package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeptAuthorsTest {

  private static final String ADA =
      "{\"handle\":\"ada\",\"name\":\"Ada {\\\"the\\\"} Lovelace\",\"bio\":\"} ,\\\"viewer\\\":"
          + " über\",\"avatarUrl\":null,\"websiteUrl\":null,\"followers\":3,\"articles\":2}";
  private static final String BOB =
      "{\"handle\":\"bob\",\"name\":\"Bob\",\"bio\":null,\"avatarUrl\":null,\"websiteUrl\":null,"
          + "\"followers\":0,\"articles\":1}";
  private static final String PAGE =
      "{\"items\":["
          + ADA
          + ","
          + BOB
          + "],\"page\":{\"limit\":2,\"total\":9,\"next\":\"x\",\"totalIsExact\":true}}";

  @Test
  void aPageGetsTheReadersStateLastInEachAuthor() {
    KeptAuthors kept = KeptAuthors.of(bytes(PAGE), true);
    assertThat(kept.handles()).containsExactly("ada", "bob");
    assertThat(text(kept.withFollowing(Set.of("bob"))))
        .isEqualTo(
            "{\"items\":["
                + withViewer(ADA, false)
                + ","
                + withViewer(BOB, true)
                + "],\"page\":{\"limit\":2,\"total\":9,\"next\":\"x\",\"totalIsExact\":true}}");
  }

  @Test
  void aProfileGetsItLastToo() {
    KeptAuthors kept = KeptAuthors.of(bytes(ADA), false);
    assertThat(kept.handles()).containsExactly("ada");
    assertThat(text(kept.withFollowing(Set.of("ada")))).isEqualTo(withViewer(ADA, true));
  }

  @Test
  void anEmptyPageStaysAsItIs() {
    String empty = "{\"items\":[],\"page\":{\"limit\":20,\"total\":0,\"totalIsExact\":true}}";
    KeptAuthors kept = KeptAuthors.of(bytes(empty), true);
    assertThat(kept.handles()).isEmpty();
    assertThat(text(kept.withFollowing(Set.of("ada")))).isEqualTo(empty);
  }

  @Test
  void takingTheReadersStateAwayGivesThePublicAnswerBack() {
    String signedIn =
        "{\"items\":["
            + withViewer(ADA, true)
            + ","
            + withViewer(BOB, false)
            + "],\"page\":{\"limit\":2,\"total\":9,\"next\":\"x\",\"totalIsExact\":true}}";
    assertThat(text(KeptAuthors.withoutViewer(bytes(signedIn)))).isEqualTo(PAGE);
    assertThat(text(KeptAuthors.withoutViewer(bytes(withViewer(ADA, false))))).isEqualTo(ADA);
    assertThat(text(KeptAuthors.withoutViewer(bytes(PAGE)))).isEqualTo(PAGE);
  }

  @Test
  void anAnswerThatIsNotAnAuthorsOneIsRefused() {
    assertThatThrownBy(() -> KeptAuthors.of(bytes("[1,2]"), true))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> KeptAuthors.of(bytes("{\"name\":\"no handle\"}"), false))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> KeptAuthors.of(bytes(withViewer(ADA, true)), false))
        .isInstanceOf(IllegalStateException.class);
  }

  private static String withViewer(String author, boolean following) {
    return author.substring(0, author.length() - 1)
        + ",\"viewer\":{\"following\":"
        + following
        + "}}";
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
