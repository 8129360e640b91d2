package io.pressroom.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kept entry is an article's only at the version and with the kept summary it was read at. */
class KeptEntriesTest {

  private static final byte[] SUMMARY = "{\"slug\":\"a\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void anEntryIsKeptForItsVersionAndSummaryOnly() {
    KeptEntries.Kept kept =
        new KeptEntries.Kept(new FeedQueries.Listed(7, 3, SUMMARY), entry("<p>Three</p>"));

    assertThat(kept.isOf(new FeedQueries.Listed(7, 3, SUMMARY.clone()))).isTrue();
    // A body edited within the second of the last edit can leave the summary as it was.
    assertThat(kept.isOf(new FeedQueries.Listed(7, 4, SUMMARY.clone()))).isFalse();
    byte[] renamed = "{\"slug\":\"b\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(kept.isOf(new FeedQueries.Listed(7, 3, renamed))).isFalse();
  }

  @Test
  void itsAtomEntryIsWrittenOnce() {
    KeptEntries.Kept kept =
        new KeptEntries.Kept(new FeedQueries.Listed(7, 3, SUMMARY), entry("<p>Three</p>"));
    byte[] first = kept.atom(() -> new byte[] {1});
    assertThat(kept.atom(() -> new byte[] {2})).isSameAs(first);
  }

  private static FeedQueries.Entry entry(String html) {
    return new FeedQueries.Entry(
        7, "a", "A", "Sum", html, Instant.EPOCH, Instant.EPOCH, "h", "Name", List.of());
  }
}
