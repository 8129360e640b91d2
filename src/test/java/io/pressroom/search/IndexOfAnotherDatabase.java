package io.pressroom.search;

import io.pressroom.article.SearchSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An index that a start resumes but that does not hold what its database holds: one article the
 * database never had, committed at the start of the changes feed (catching up replays every change
 * of the database it meets), as a restored backup or another database at the same address leaves.
 */
final class IndexOfAnotherDatabase {

  private IndexOfAnotherDatabase() {}

  static void writeIn(Path directory) throws IOException {
    try (SearchIndex index = SearchIndex.open(directory)) {
      index.put(
          new SearchSource.Document(
              987_654_321L,
              "an-article-of-another-database",
              "An article of another database",
              "Never written here",
              "Its body.",
              Instant.parse("2026-01-01T00:00:00Z"),
              Instant.parse("2026-01-01T00:00:00Z"),
              1L,
              List.of()));
      index.commit("0", 0, Instant.parse("2026-01-01T00:00:00Z").toString());
    }
  }
}
