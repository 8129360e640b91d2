package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pressroom.article.SearchSource;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A freshly built index is merged into one segment before it is searched; an index whose merge a
 * stop cut short is merged in the background after the next start: searches answer alike meanwhile,
 * and closing does not wait for the merge yet loses nothing.
 */
class SearchIndexMergeTest {

  private static final int ARTICLES = 40;
  private static final Path DESCRIPTORS = Path.of("/proc/self/fd");

  @TempDir Path directory;

  @Test
  void searchesAnswerAlikeWhileMergingAndAfterwardsReadOneSegment() throws IOException {
    try (SearchIndex index = SearchIndex.open(directory)) {
      writeInSegments(index);
      assertThat(segments(index)).isGreaterThan(1);

      index.startMergingIntoOne();
      long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!index.mergeEnded()) {
        assertThat(matches(index, "memori")).isEqualTo(ARTICLES);
        assertThat(matches(index, "memori alloc")).isEqualTo(ARTICLES / 2);
        assertThat(System.nanoTime() - giveUp).as("merge still running").isNegative();
      }
      index.refresh();

      assertThat(segments(index)).isEqualTo(1);
      assertThat(matches(index, "memori")).isEqualTo(ARTICLES);
      assertThat(matches(index, "memori alloc")).isEqualTo(ARTICLES / 2);
      assertThat(index.mergeEnded()).as("said once").isFalse();
    }
  }

  @Test
  void aBuildIsOneSegmentWhenItIsFirstSearchedAndOwesNoMerge() throws IOException {
    try (SearchIndex built = SearchIndex.open(directory)) {
      built.built();
      buildInSegments(built, ARTICLES);
      built.mergeBuilt("7", 1, Instant.EPOCH.toString());
      assertThat(built.mergeOwed()).isFalse();
      built.refresh();
      assertThat(segments(built)).isEqualTo(1);
      assertThat(matches(built, "memori")).isEqualTo(ARTICLES);
      assertThat(matches(built, "memori alloc")).isEqualTo(ARTICLES / 2);
    }
    try (SearchIndex reopened = SearchIndex.open(directory)) {
      assertThat(reopened.resumePoint()).isPresent();
      assertThat(reopened.mergeOwed()).as("the merge was committed").isFalse();
      assertThat(segments(reopened)).isEqualTo(1);
      assertThat(reopened.documents()).isEqualTo(ARTICLES);
    }
  }

  @Test
  void aBuildsSearchesReadItsFilesMappedNotThroughTheBuildsReaders() throws IOException {
    assumeTrue(Files.isDirectory(DESCRIPTORS), "open files are listed in /proc/self/fd");
    try (SearchIndex built = SearchIndex.open(directory)) {
      built.built();
      buildInSegments(built, ARTICLES);
      built.mergeBuilt("7", 1, Instant.EPOCH.toString());
      built.refresh();
      assertThat(matches(built, "memori")).isEqualTo(ARTICLES);
      assertThat(matches(built, "memori alloc")).isEqualTo(ARTICLES / 2);

      // A mapped file needs no descriptor once mapped; one read plainly keeps its descriptor (and
      // every read is a system call and a copy).
      assertThat(openIndexFiles()).as("index files read through descriptors").isEmpty();
    }
  }

  @Test
  void aRebuildsSearchesReadItsFilesMapped() throws IOException {
    assumeTrue(Files.isDirectory(DESCRIPTORS), "open files are listed in /proc/self/fd");
    SearchIndex stale = SearchIndex.open(directory);
    writeInSegments(stale); // committed and searched
    try (SearchIndex built = stale.emptiedForRebuild()) {
      built.built();
      buildInSegments(built, ARTICLES);
      built.mergeBuilt("7", 1, Instant.EPOCH.toString());
      built.refresh();
      assertThat(matches(built, "memori")).isEqualTo(ARTICLES);
      assertThat(openIndexFiles()).as("index files read through descriptors").isEmpty();
    }
  }

  @Test
  void aBuildIsNotMergedOnceSearched() throws IOException {
    try (SearchIndex built = SearchIndex.open(directory)) {
      built.built();
      buildInSegments(built, ARTICLES);
      built.refresh();
      assertThatThrownBy(() -> built.mergeBuilt("7", 1, Instant.EPOCH.toString()))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void anIndexEmptiedForRebuildKeepsItsLastCommitUntilTheBuildCommitsAndMergesIntoOne()
      throws IOException {
    SearchIndex stale = SearchIndex.open(directory);
    writeInSegments(stale); // committed and searched
    SearchIndex stoppedDuringRebuild = stale.emptiedForRebuild();
    assertThat(stoppedDuringRebuild.resumePoint()).isEmpty();
    assertThat(stoppedDuringRebuild.documents()).isZero();
    stoppedDuringRebuild.add(article(1));
    stoppedDuringRebuild.abandon();

    SearchIndex resumed = SearchIndex.open(directory);
    assertThat(resumed.resumePoint()).as("the stale index's commit").isPresent();
    assertThat(resumed.documents()).isEqualTo(ARTICLES);
    resumed.refresh();
    try (SearchIndex rebuilt = resumed.emptiedForRebuild()) {
      rebuilt.built();
      buildInSegments(rebuilt, ARTICLES / 2);
      rebuilt.mergeBuilt("9", 3, Instant.EPOCH.toString());
      rebuilt.refresh();
      assertThat(segments(rebuilt)).isEqualTo(1);
      assertThat(matches(rebuilt, "memori")).isEqualTo(ARTICLES / 2);
    }
    try (SearchIndex reopened = SearchIndex.open(directory)) {
      assertThat(reopened.resumePoint()).get().extracting(at -> at.get("txid")).isEqualTo("9");
      assertThat(reopened.documents()).isEqualTo(ARTICLES / 2);
    }
  }

  @Test
  void closingWhileMergingKeepsEveryArticleWrittenBefore() throws IOException {
    try (SearchIndex index = SearchIndex.open(directory)) {
      writeInSegments(index);
      index.startMergingIntoOne();
      index.put(article(ARTICLES + 1));
    }
    try (SearchIndex reopened = SearchIndex.open(directory)) {
      assertThat(reopened.resumePoint()).isPresent();
      assertThat(reopened.documents()).isEqualTo(ARTICLES + 1);
    }
  }

  @Test
  void aMergeThatAStopCutShortIsTakenUpAgainAfterTheNextStart() throws IOException {
    try (SearchIndex built = SearchIndex.open(directory)) {
      assertThat(built.mergeOwed()).isFalse();
      built.built();
      writeInSegments(built);
      built.startMergingIntoOne();
      // stopped here: closing does not wait for the merge
    }
    try (SearchIndex reopened = SearchIndex.open(directory)) {
      assertThat(reopened.mergeOwed()).as("still owed after the stop").isTrue();
      reopened.startMergingIntoOne();
      awaitMerge(reopened);
      reopened.refresh();
      reopened.commit("8", 2, Instant.EPOCH.toString());
      assertThat(reopened.mergeOwed()).isFalse();
    }
    try (SearchIndex merged = SearchIndex.open(directory)) {
      assertThat(merged.mergeOwed()).as("no longer owed once merged and committed").isFalse();
      assertThat(segments(merged)).isEqualTo(1);
      assertThat(merged.documents()).isEqualTo(ARTICLES);
    }
  }

  @Test
  void anIndexWrittenInSegmentsOwesNoMergeUnlessItWasBuilt() throws IOException {
    try (SearchIndex index = SearchIndex.open(directory)) {
      writeInSegments(index);
    }
    try (SearchIndex reopened = SearchIndex.open(directory)) {
      assertThat(reopened.resumePoint()).isPresent();
      assertThat(reopened.mergeOwed()).isFalse();
    }
  }

  private static void awaitMerge(SearchIndex index) {
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!index.mergeEnded()) {
      assertThat(System.nanoTime() - giveUp).as("merge still running").isNegative();
    }
  }

  /** A build's articles, committed in several segments, not searched. */
  private static void buildInSegments(SearchIndex index, int articles) throws IOException {
    for (int id = 1; id <= articles; id++) {
      index.add(article(id));
      if (id % 5 == 0) {
        index.commit("7", 1, Instant.EPOCH.toString()); // a segment each
      }
    }
  }

  /** Articles in several segments (each refresh writes one), committed. */
  private static void writeInSegments(SearchIndex index) throws IOException {
    for (int id = 1; id <= ARTICLES; id++) {
      index.put(article(id));
      if (id % 5 == 0) {
        index.refresh();
      }
    }
    index.commit("7", 1, Instant.EPOCH.toString());
    index.refresh();
  }

  private static SearchSource.Document article(long id) {
    String body = id % 2 == 0 ? "A memory allocator, number " + id : "Memory, then an allocator";
    return new SearchSource.Document(
        id,
        "a" + id,
        "Title " + id,
        "A summary",
        body,
        Instant.EPOCH,
        Instant.EPOCH,
        2,
        List.of(3L));
  }

  /** The files of {@link #directory} this process holds open, but the writer's lock. */
  private List<String> openIndexFiles() throws IOException {
    List<String> open = new ArrayList<>();
    try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(DESCRIPTORS)) {
      for (Path descriptor : descriptors) {
        try {
          Path file = Files.readSymbolicLink(descriptor);
          if (file.startsWith(directory.toRealPath())
              && !file.getFileName().toString().equals("write.lock")) {
            open.add(file.getFileName().toString());
          }
        } catch (IOException closedMeanwhile) {
          // the listing's own descriptor, or one closed since
        }
      }
    }
    return open;
  }

  private static int segments(SearchIndex index) throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      return searcher.getIndexReader().leaves().size();
    } finally {
      index.release(searcher);
    }
  }

  private static int matches(SearchIndex index, String term) throws IOException {
    String field = term.contains(" ") ? SearchFields.PAIRS : SearchFields.BODY;
    IndexSearcher searcher = index.acquire();
    try {
      return searcher.count(new TermQuery(new Term(field, term)));
    } finally {
      index.release(searcher);
    }
  }
}
