package io.pressroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.pressroom.article.ArticleChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidationTest {

  private static final String ORIGIN = "Ab3_-x9";

  @Test
  void eachMessageReadsBackAsSent() {
    Instant at = Instant.parse("2026-12-01T08:00:00.123456Z");
    for (Invalidation sent :
        new Invalidation[] {
          Invalidation.article(ORIGIN, 42),
          Invalidation.listings(ORIGIN, null),
          Invalidation.listings(ORIGIN, at),
          Invalidation.authors(ORIGIN),
          Invalidation.discussions(ORIGIN),
          Invalidation.apiKeys(ORIGIN),
          Invalidation.account(ORIGIN, 42)
        }) {
      assertThat(Invalidation.decode(sent.encode())).isEqualTo(sent);
    }
  }

  @Test
  void theTextIsShortVersionedAndNamesItsOrigin() {
    assertThat(Invalidation.article(ORIGIN, 42).encode()).isEqualTo("v1 Ab3_-x9 article 42");
    assertThat(Invalidation.listings(ORIGIN, Instant.parse("2026-12-01T08:00:00Z")).encode())
        .isEqualTo("v1 Ab3_-x9 listings 2026-12-01T08:00:00Z");
    assertThat(Invalidation.authors(ORIGIN).encode()).isEqualTo("v1 Ab3_-x9 authors");
    assertThat(Invalidation.apiKeys(ORIGIN).encode()).isEqualTo("v1 Ab3_-x9 api-keys");
    assertThat(Invalidation.discussions(ORIGIN).encode()).isEqualTo("v1 Ab3_-x9 discussions");
    // As V14's triggers write it.
    assertThat(Invalidation.decode("v1 database account 42"))
        .isEqualTo(Invalidation.account("database", 42));
    String longest = Invalidation.listings("x".repeat(64), Instant.MAX).encode();
    assertThat(longest.getBytes(StandardCharsets.UTF_8).length).isLessThan(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "v2 Ab3 article 42",
        "v1 Ab3 article",
        "v1 Ab3 article x",
        "v1 Ab3 listings yesterday",
        "v1 Ab3 authors 1",
        "v1 Ab3 something-new",
        "v1 bad/origin listings",
        "v1 Ab3 article 42 extra",
        "v1 Ab3 account",
        "v1 Ab3 account me"
      })
  void whatCannotBeReadDropsEverything(String payload) {
    Invalidation read = Invalidation.decode(payload);
    assertThat(read.what()).isEqualTo(Invalidation.What.EVERYTHING);
    assertThat(read.origin()).isNotEqualTo("Ab3");
  }

  @Test
  void writesMapToWhatTheyMakeStale() {
    Instant now = Instant.parse("2026-12-01T08:00:00Z");
    Instant later = now.plusSeconds(60);
    assertThat(
            Invalidation.of(ORIGIN, new ArticleChanged(7, "s", ArticleChanged.Kind.FEEDBACK), now))
        .contains(Invalidation.article(ORIGIN, 7));
    assertThat(Invalidation.of(ORIGIN, change(ArticleChanged.Kind.UPDATED, null, false), now))
        .isEmpty();
    assertThat(Invalidation.of(ORIGIN, change(ArticleChanged.Kind.PUBLISHED, later, true), now))
        .contains(Invalidation.listings(ORIGIN, later));
    assertThat(Invalidation.of(ORIGIN, change(ArticleChanged.Kind.PUBLISHED, now, true), now))
        .contains(Invalidation.listings(ORIGIN, null));
    assertThat(Invalidation.of(ORIGIN, PublicContentChanged.FOLLOWERS))
        .isEqualTo(Invalidation.authors(ORIGIN));
    assertThat(Invalidation.of(ORIGIN, new PublicContentChanged("tag")))
        .isEqualTo(Invalidation.listings(ORIGIN, null));
  }

  private static ArticleChanged change(ArticleChanged.Kind kind, Instant at, boolean shown) {
    return new ArticleChanged(7, "s", kind, at, shown, ArticleChanged.FeedOp.NONE);
  }
}
