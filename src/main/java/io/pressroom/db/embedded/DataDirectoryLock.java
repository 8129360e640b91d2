package io.pressroom.db.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds {@code pressroom.lock} in the data directory for as long as an app uses it. The operating
 * system releases the lock when the process ends however it ends, so a lock that cannot be taken
 * means another live app uses the directory, and a server running there without a lock holder is an
 * orphan that may be stopped.
 */
final class DataDirectoryLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirectoryLock acquire(Path dataDir) {
    Path file = dataDir.resolve("pressroom.lock");
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very JVM
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "Another Pressroom is running with its data in "
                + dataDir
                + ": stop it first, or give this one another PRESSROOM_DATA_DIR");
      }
      return new DataDirectoryLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not lock " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      // The lock goes with the process anyway.
    }
  }
}
