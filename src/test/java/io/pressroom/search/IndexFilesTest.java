package io.pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.MergeInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which of the index's files are mapped into the process (and so count toward its resident memory
 * once read), as Linux lists them in {@code /proc/self/maps}: those searches read, not those a
 * merge reads, nor anything read before searches start (a build and its merge).
 */
class IndexFilesTest {

  private static final Path MAPS = Path.of("/proc/self/maps");
  private static final IOContext MERGE = new IOContext(new MergeInfo(1, 1 << 20, false, 1));

  @TempDir Path directory;

  @BeforeEach
  void onLinux() {
    assumeTrue(Files.isReadable(MAPS), "the process's mappings are listed in /proc/self/maps");
  }

  @Test
  void filesReadBeforeSearchesStartAreNotMapped() throws IOException {
    try (IndexFiles files = IndexFiles.open(directory)) {
      write(files, "built.dvd");
      try (IndexInput read = files.openInput("built.dvd", IOContext.READ)) {
        readAll(read);
        assertThat(mapped("built.dvd")).isFalse();
      }
    }
  }

  @Test
  void onceSearchesStartTheFilesTheyReadAreMappedAndAMergesAreNot() throws IOException {
    try (IndexFiles files = IndexFiles.open(directory)) {
      write(files, "searched.dvd");
      write(files, "merged.dvd");
      files.searchesStart();
      try (IndexInput searched = files.openInput("searched.dvd", IOContext.READ);
          IndexInput merged = files.openInput("merged.dvd", MERGE)) {
        readAll(searched);
        readAll(merged);
        assertThat(mapped("searched.dvd")).isTrue();
        assertThat(mapped("merged.dvd")).isFalse();
      }
    }
  }

  private static void write(IndexFiles files, String name) throws IOException {
    try (IndexOutput out = files.createOutput(name, IOContext.DEFAULT)) {
      byte[] page = new byte[4096];
      for (int i = 0; i < 64; i++) {
        out.writeBytes(page, page.length);
      }
    }
  }

  private static void readAll(IndexInput input) throws IOException {
    byte[] buffer = new byte[4096];
    while (input.getFilePointer() < input.length()) {
      input.readBytes(
          buffer, 0, (int) Math.min(buffer.length, input.length() - input.getFilePointer()));
    }
  }

  private boolean mapped(String name) throws IOException {
    String path = directory.resolve(name).toString();
    return Files.readAllLines(MAPS).stream().anyMatch(line -> line.endsWith(path));
  }
}
