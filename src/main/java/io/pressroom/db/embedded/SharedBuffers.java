package io.pressroom.db.embedded;

import java.lang.management.ManagementFactory;

/**
 * The embedded PostgreSQL's cache of table and index pages ({@code shared_buffers}). A stock
 * server's 128 MB holds little of a large site: at 1,000,000 articles a tag's articles of the last
 * months ordered by likes read 14,000 pages from the system's cache into it on every request (248
 * ms, 115 with 1 GB). An eighth of the memory the JVM sees (the machine's, or its container's
 * limit), so that the app, the server's own processes and the system's page cache keep the rest;
 * never less than the stock 128 MB nor more than 1 GB. {@code PRESSROOM_DB_SHARED_BUFFERS} (in
 * PostgreSQL's units, {@code 512MB}) sets it.
 */
final class SharedBuffers {

  private static final long MB = 1024 * 1024;
  static final long LEAST_MB = 128;
  static final long MOST_MB = 1024;

  private SharedBuffers() {}

  /** The size for a machine of {@code totalMemoryBytes}, in PostgreSQL's units. */
  static String forMemory(long totalMemoryBytes) {
    long eighth = totalMemoryBytes / 8 / MB;
    return Math.max(LEAST_MB, Math.min(MOST_MB, eighth)) + "MB";
  }

  /** The size for the memory this JVM sees. */
  static String forThisMachine() {
    return forMemory(
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize());
  }
}
