package io.pressroom.delivery;

import io.pressroom.PressroomConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Sends the invalidations of feedback (likes, ratings, comments) to the other instances after their
 * writes commit, gathered for {@code pressroom.invalidation.feedback-window} and sent together in
 * one short transaction of their own.
 *
 * <p>Why not inside each write, as {@link InvalidationNotifier} does for content: PostgreSQL
 * serialises the commits of all transactions that notify (a database-wide lock held from before the
 * commit record until after its flush to disk), so every notifying write waits for the fsync of the
 * one before it and no two of them ever share one; feedback is the one frequent write, and this
 * keeps it out of that queue. The cost: if this instance dies between a commit and the next send
 * (at most one window), the other instances are not told; what they keep of that article then ends
 * with their response cache's time to live ({@code pressroom.response-cache.time-to-live}), as
 * every kept answer does. Only counters and comment lists can be that late, never content: content
 * changes still notify inside their transaction.
 */
@ApplicationScoped
class FeedbackAnnouncer {

  private static final Logger LOG = Logger.getLogger(FeedbackAnnouncer.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final DeliveryQueries queries;
  private final Duration window;

  /** Payloads committed and not yet sent, each once; guarded by {@code this}. */
  private final Set<String> pending = new LinkedHashSet<>();

  private boolean running = true;
  private Thread thread;

  FeedbackAnnouncer(DeliveryQueries queries, PressroomConfig config) {
    this.queries = queries;
    this.window = config.invalidation().feedbackWindow();
  }

  void onStart(@Observes StartupEvent event) {
    thread = new Thread(this::run, "pressroom-invalidation-sender");
    thread.setDaemon(true);
    thread.start();
  }

  /** Sends what is pending before the instance stops, when the database still answers. */
  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    synchronized (this) {
      running = false;
      notifyAll();
    }
    if (thread != null) {
      thread.join(STOP_WAIT.toMillis());
    }
    sendLeftOver();
  }

  /**
   * Queues a payload whose write has committed. Once the instance stops, the sending thread is
   * gone: a write still finishing then sends its own, so the other instances are told all the same.
   */
  void queue(String payload) {
    synchronized (this) {
      if (running) {
        pending.add(payload);
        notifyAll();
        return;
      }
      pending.add(payload);
    }
    sendLeftOver();
  }

  /** Sends, once, what the stopped thread left (a last send that failed, or writes since). */
  private void sendLeftOver() {
    List<String> left = takePending();
    if (left.isEmpty()) {
      return;
    }
    try {
      queries.announceAll(Invalidation.CHANNEL, left);
    } catch (SQLException | RuntimeException e) {
      LOG.warnf(
          "Could not send %d invalidations of feedback while stopping (%s); the other instances"
              + " keep those answers until their time to live",
          left.size(), e.getMessage());
    }
  }

  private void run() {
    Duration retry = FIRST_RETRY;
    boolean failing = false;
    while (true) {
      if (!awaitPending()) {
        return;
      }
      pause(window);
      List<String> batch = takePending();
      try {
        queries.announceAll(Invalidation.CHANNEL, batch);
        if (failing) {
          LOG.info("Invalidations of feedback reach the other instances again");
        }
        failing = false;
        retry = FIRST_RETRY;
      } catch (SQLException | RuntimeException e) {
        synchronized (this) {
          pending.addAll(batch);
          if (!running) {
            return;
          }
        }
        if (!failing) {
          LOG.warnf(
              "Could not send invalidations of feedback (%s); retrying. Another instance that"
                  + " listens again after this starts its cache afresh",
              e.getMessage());
        }
        failing = true;
        pause(retry);
        retry =
            retry.multipliedBy(2).compareTo(LONGEST_RETRY) < 0
                ? retry.multipliedBy(2)
                : LONGEST_RETRY;
      }
    }
  }

  /** Waits for something to send; false once stopped with nothing left. */
  private synchronized boolean awaitPending() {
    while (running && pending.isEmpty()) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !pending.isEmpty();
  }

  private synchronized List<String> takePending() {
    List<String> batch = new ArrayList<>(pending);
    pending.clear();
    return batch;
  }

  /** Lets more writes join the batch (or waits before a retry), unless the instance stops. */
  private synchronized void pause(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    long left;
    while (running && (left = end - System.nanoTime()) > 0) {
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
