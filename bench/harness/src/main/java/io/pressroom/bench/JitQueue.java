package io.pressroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The app JVM's just-in-time compilers' backlog, read with {@code jcmd PID Compiler.queue}. On two
 * cores the JVM has one C2 thread, and after start-up and each new kind of request it compiles for
 * one to several minutes, 100 ms to a second a method; requests measured meanwhile run partly
 * interpreted (a search took 10 ms then and 2 ms after). A production server runs for days, so the
 * benchmark measures compiled code: after a warm-up it waits until the backlog is gone.
 */
final class JitQueue {

  private final String jcmd;
  private final long pid;

  JitQueue(String jcmd, long pid) {
    this.jcmd = jcmd;
    this.pid = pid;
  }

  /**
   * Methods being compiled or waiting to be, in the output of {@code Compiler.queue}: each one is a
   * line naming a method ({@code class::method}), under "Current compiles" or a compile queue.
   */
  static int pending(String queueOutput) {
    return (int) queueOutput.lines().filter(l -> l.contains("::")).count();
  }

  /** The backlog now, or empty when jcmd cannot tell (no jcmd, the process gone, no answer). */
  OptionalInt pending() {
    if (pid <= 0) {
      return OptionalInt.empty();
    }
    try {
      Process p =
          new ProcessBuilder(jcmd, Long.toString(pid), "Compiler.queue")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return OptionalInt.empty();
      }
      String text = new String(out, StandardCharsets.UTF_8);
      return text.contains("compile queue") ? OptionalInt.of(pending(text)) : OptionalInt.empty();
    } catch (IOException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }

  /**
   * Waits, polling every second, until nothing is left to compile or {@code maxSeconds} passed;
   * says so through {@code log} when it waited or gave up. Returns the seconds waited, or -1 when
   * the backlog could not be read.
   */
  long awaitDrained(int maxSeconds, String after, Consumer<String> log) {
    long started = System.nanoTime();
    OptionalInt first = pending();
    if (first.isEmpty()) {
      return -1;
    }
    int left = first.getAsInt();
    while (left > 0 && seconds(started) < maxSeconds) {
      sleepOneSecond();
      OptionalInt now = pending();
      if (now.isEmpty()) {
        return -1;
      }
      left = now.getAsInt();
    }
    long waited = seconds(started);
    if (left > 0) {
      log.accept(
          "the JIT still had "
              + left
              + " methods to compile "
              + waited
              + " s after "
              + after
              + "; measuring anyway");
    } else if (waited > 0 || first.getAsInt() > 0) {
      log.accept("waited " + waited + " s after " + after + " for the JIT's backlog to compile");
    }
    return waited;
  }

  private static long seconds(long started) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
  }

  private static void sleepOneSecond() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
