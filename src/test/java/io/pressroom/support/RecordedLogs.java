package io.pressroom.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one class's logger publishes at {@code atLeast} or above while this is open (the
 * logger's own level still filters first); closing stops recording and keeps what was recorded.
 */
public final class RecordedLogs implements AutoCloseable {

  private final Logger logger;
  private final Handler handler;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private RecordedLogs(Class<?> source, Level atLeast) {
    this.logger = Logger.getLogger(source.getName());
    this.handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= atLeast.intValue()) {
              records.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
  }

  /** Starts recording what {@code source} logs at {@code atLeast} or above. */
  public static RecordedLogs of(Class<?> source, Level atLeast) {
    return new RecordedLogs(source, atLeast);
  }

  /** What was recorded so far, in order. */
  public List<LogRecord> records() {
    return records;
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
