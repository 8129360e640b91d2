package io.pressroom.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One instance's webhook dispatcher, apart from the container so that a test can run a second one
 * over its own connection pool. A single loop thread fans out due events and claims due deliveries
 * for as many sender threads as are free ({@code concurrency}); it runs when woken (a commit that
 * wrote events, another instance's change, a finished send) and otherwise every {@code
 * pollInterval}. Every step is a short transaction of its own and the sending happens after the
 * claim committed, so nothing is sent for a change that did not commit and a claim lost with the
 * process comes back after its lease.
 */
final class DispatchLoop {

  private static final Logger LOG = Logger.getLogger(DispatchLoop.class);
  private static final int FAN_OUT_BATCH = 100;
  private static final int PRUNE_BATCH = 500;
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

  /** How long a stop waits for sends under way before interrupting them. */
  private static final Duration LONGEST_STOP = Duration.ofSeconds(5);

  /** What a dispatcher needs to know. */
  record Settings(int concurrency, Duration pollInterval, Duration retention) {}

  private final DeliveryQueries queries;
  private final WebhookSender sender;
  private final RetrySchedule schedule;
  private final DispatchMetrics metrics;
  private final Settings settings;
  private final Clock clock;
  private final Duration lease;
  private final Semaphore slots;
  private final Semaphore signal = new Semaphore(0);
  private volatile boolean running;
  private Thread loop;
  private ExecutorService senders;
  private Instant nextPrune = Instant.MIN;

  DispatchLoop(
      DeliveryQueries queries,
      WebhookSender sender,
      RetrySchedule schedule,
      DispatchMetrics metrics,
      Settings settings,
      Clock clock) {
    this.queries = queries;
    this.sender = sender;
    this.schedule = schedule;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.slots = new Semaphore(Math.max(1, settings.concurrency()));
    this.lease = lease(sender.timeout());
  }

  /**
   * How long a claim lasts: well beyond one attempt (the timeout, and a name resolution and two
   * short transactions around it), so that a live sender never loses its claim to another.
   */
  static Duration lease(Duration timeout) {
    return timeout.multipliedBy(2).plusSeconds(10);
  }

  synchronized void start(String name) {
    if (running) {
      return;
    }
    running = true;
    AtomicInteger count = new AtomicInteger();
    senders =
        Executors.newFixedThreadPool(
            Math.max(1, settings.concurrency()),
            task -> daemon(task, name + "-send-" + count.incrementAndGet()));
    loop = daemon(this::run, name);
    loop.start();
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Stops claiming, lets sends under way finish for a few seconds, then interrupts them. A delivery
   * whose outcome was not recorded keeps its claim until the lease runs out and is sent again then
   * (receivers deduplicate by {@code webhook-id}).
   */
  void stop() throws InterruptedException {
    Thread current;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      current = loop;
    }
    signal.release();
    current.join(LONGEST_STOP.toMillis());
    senders.shutdown();
    Duration grace = sender.timeout().compareTo(LONGEST_STOP) < 0 ? sender.timeout() : LONGEST_STOP;
    if (!senders.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      senders.shutdownNow();
      senders.awaitTermination(1, TimeUnit.SECONDS);
    }
    sender.close();
  }

  /** Looks for work at once; many wakes before the loop runs make one pass. */
  void wake() {
    if (signal.availablePermits() == 0) {
      signal.release();
    }
  }

  private void run() {
    while (running) {
      try {
        pass();
      } catch (RuntimeException e) {
        // The database may be away: the work waits in it, and the next pass tries again.
        LOG.debugf(e, "Webhook dispatch pass failed; trying again at the next one");
      }
      try {
        signal.tryAcquire(pollMillis(), TimeUnit.MILLISECONDS);
        signal.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A zero or negative interval would make the idle loop spin; 10 ms is the shortest wait. */
  private long pollMillis() {
    return Math.max(10, settings.pollInterval().toMillis());
  }

  private void pass() {
    while (running && queries.fanOut(FAN_OUT_BATCH) == FAN_OUT_BATCH) {
      // Until no due event is left.
    }
    claimAndSend();
    metrics.oldestDue(queries.oldestDue().orElse(null));
    // One small batch per pass, so that a large backlog to prune never holds up sending; once
    // nothing is left, the next round is in ten minutes.
    if (running
        && !clock.instant().isBefore(nextPrune)
        && queries.prune(settings.retention(), PRUNE_BATCH) == 0) {
      nextPrune = clock.instant().plus(PRUNE_EVERY);
    }
  }

  private void claimAndSend() {
    while (running) {
      int free = slots.drainPermits();
      if (free == 0) {
        return;
      }
      List<Claimed> claimed;
      try {
        claimed = queries.claim(free, lease);
      } catch (RuntimeException e) {
        slots.release(free);
        throw e;
      }
      slots.release(free - claimed.size());
      for (Claimed delivery : claimed) {
        try {
          senders.execute(() -> deliver(delivery));
        } catch (RejectedExecutionException e) {
          // Stopping: the claim runs out with its lease and the delivery is due again.
          slots.release();
        }
      }
      if (claimed.size() < free) {
        return;
      }
    }
  }

  private void deliver(Claimed delivery) {
    try {
      Attempt attempt = sender.send(delivery);
      metrics.attempted(attempt);
      Optional<Instant> retryAt =
          attempt.delivered() || attempt.gone()
              ? Optional.empty()
              : schedule.next(delivery.attemptsBefore() + 1, clock.instant(), attempt.retryAfter());
      DeliveryQueries.Outcome outcome = queries.record(delivery, attempt, retryAt);
      metrics.recorded(outcome);
      log(delivery, attempt, outcome);
    } catch (RuntimeException e) {
      LOG.warnf(
          "Webhook delivery %d: the attempt's outcome was not recorded (%s); it is due again once"
              + " its claim runs out",
          delivery.deliveryId(), e.getMessage());
    } finally {
      slots.release();
      wake();
    }
  }

  private static void log(Claimed delivery, Attempt attempt, DeliveryQueries.Outcome outcome) {
    outcome
        .disabled()
        .ifPresent(
            disabled ->
                LOG.warnf(
                    "Webhook subscription %d disabled (%s) after delivery %d of %s: %s",
                    disabled.subscriptionId(),
                    disabled.reason(),
                    delivery.deliveryId(),
                    delivery.messageId(),
                    attempt.error()));
    if (outcome.result() == DeliveryQueries.Result.FAILED) {
      LOG.warnf(
          "Webhook delivery %d of %s to subscription %d abandoned after %d attempts: %s",
          delivery.deliveryId(),
          delivery.messageId(),
          delivery.subscriptionId(),
          delivery.attemptsBefore() + 1,
          attempt.error());
    } else if (outcome.result() == DeliveryQueries.Result.RETRYING) {
      LOG.debugf(
          "Webhook delivery %d of %s failed (%s); tried again later",
          delivery.deliveryId(), delivery.messageId(), attempt.error());
    }
  }
}
