package io.pressroom.limit;

import io.github.bucket4j.BucketConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.PressroomConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Every rate limit and throttle of Pressroom, counted across instances in PostgreSQL (Bucket4j's
 * PostgreSQL backend, table {@code rate_limit_buckets}), or in this instance's memory alone with
 * {@code pressroom.rate-limit.store=memory}.
 *
 * <p><b>Local decisions, bounded.</b> Asking the database on every request would put a row lock and
 * a commit on the hottest path, and on the event loop, which must never wait for JDBC. So each
 * instance keeps a view of every bucket it uses ({@link Share}) and decides alone while the tokens
 * it admitted without the store knowing stay below its share, ⌊limit × tolerance / instances⌋
 * ({@link Shares}). Half-way there a worker charges them to the store in one forced consumption and
 * reads back what the bucket holds (what the others spent); the periodic flush ({@code
 * sync-interval}) charges whatever is left. Only when the whole share is uncharged does a request
 * wait for the store: on a worker thread, never on the event loop ({@link Allowance#takeHere}, then
 * {@link Allowance#take} on a worker). This is Bucket4j's "delaying" optimisation with the
 * synchronisation moved off the caller's thread, which Bucket4j's own optimisations cannot do for a
 * JDBC backend (it has no asynchronous proxy manager).
 *
 * <p><b>The bound.</b> With at most {@code instances} instances, a client is admitted at most
 * {@code limit + instances × share <= limit × (1 + tolerance)} tokens from a full bucket, and the
 * long-run rate stays the configured one, since charges are forced (a bucket may go below zero and
 * then refills for everyone later). Limits whose share rounds down to zero (a sign-in throttle of
 * 5) ask the store on every decision and are exact; they run on worker threads. Refusals are local:
 * the view only errs towards fewer tokens, so an attacker's refused requests cost the database
 * nothing.
 *
 * <p><b>Outages.</b> After a failed call the store is left alone for {@link #OUTAGE_RETRY};
 * meanwhile request limits decide on this instance's own buckets and throttles of work that needs
 * the database answer 503 (see {@link Limit}). Charges in flight during an outage are forgotten.
 *
 * <p><b>Pruning.</b> Rows of buckets that are full again are deleted every {@link #PRUNE_EVERY} by
 * every instance (the delete skips locked rows, so instances never wait for each other).
 */
// Built at start-up, not by the first request on an event loop (Bucket4j's classes take a while).
@Startup
@ApplicationScoped
public class Limiter {

  static final Duration OUTAGE_RETRY = Duration.ofSeconds(5);
  static final Duration PRUNE_EVERY = Duration.ofMinutes(5);
  static final Duration SHUTDOWN_FLUSH = Duration.ofSeconds(3);
  private static final Logger LOG = Logger.getLogger(Limiter.class);

  /** How limits are shared: {@code store}, {@code tolerance}, {@code instances} and the flush. */
  record Settings(boolean memoryOnly, double tolerance, int instances, Duration syncInterval) {
    static Settings of(PressroomConfig.RateLimit config) {
      return new Settings(
          config.store() == PressroomConfig.RateLimit.Store.MEMORY,
          config.tolerance(),
          config.instances(),
          config.syncInterval());
    }
  }

  private record Dirty(Share share, BucketConfiguration configuration) {}

  private final Settings settings;
  private final BucketStore store;
  private final Map<Limit, Counter> rejections = new EnumMap<>(Limit.class);
  private final Queue<Dirty> dirty = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService timer;
  private volatile boolean down;
  private volatile long downAt;

  @Inject
  Limiter(PressroomConfig config, DataSource dataSource, MeterRegistry meters) {
    this(Settings.of(config.rateLimit()), dataSource, meters);
  }

  Limiter(Settings settings, DataSource dataSource, MeterRegistry meters) {
    this.settings = settings;
    this.store = settings.memoryOnly() ? null : new BucketStore(dataSource);
    for (Limit kind : Limit.values()) {
      rejections.put(
          kind,
          Counter.builder("pressroom.rate_limit.rejections")
              .description("Requests refused by a rate limit or throttle")
              .tag("limit", kind.label())
              .register(meters));
    }
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "pressroom-limits");
              thread.setDaemon(true);
              return thread;
            });
    if (store != null) {
      long flush = settings.syncInterval().toMillis();
      timer.scheduleWithFixedDelay(this::flushQuietly, flush, flush, TimeUnit.MILLISECONDS);
      long prune = PRUNE_EVERY.toMillis();
      timer.scheduleWithFixedDelay(this::pruneQuietly, prune, prune, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * A limit of {@code capacity} tokens per key and {@code window}; {@code scope} names its buckets
   * (two limits of one kind, such as sign-ins per email and per address, need two scopes).
   */
  public Allowance allowance(Limit kind, String scope, int capacity, Duration window) {
    return new Allowance(this, kind, scope, capacity, window);
  }

  /** Charges every share's uncounted tokens now (also at shutdown, so none are forgotten). */
  public void flush() {
    flush(Long.MAX_VALUE);
  }

  /** As {@link #flush()}, giving up once {@code deadline} ({@link System#nanoTime}) has passed. */
  private void flush(long deadline) {
    for (int n = dirty.size(); n > 0 && System.nanoTime() - deadline < 0; n--) {
      Dirty next = dirty.poll();
      if (next == null) {
        return;
      }
      next.share().clean();
      if (!storeDown()) {
        // The first waits for a charge under way, if any; the second sends what came after it.
        sync(next.share(), next.configuration()).join();
        if (next.share().hasDebt()) {
          sync(next.share(), next.configuration()).join();
        }
      }
    }
  }

  /** Deletes the rows of full buckets; the number deleted. */
  public int prune() {
    return store == null ? 0 : store.prune();
  }

  @PreDestroy
  void close() {
    timer.shutdownNow();
    try {
      // Bounded, so that a slow or absent database cannot hold the instance's stop.
      flush(System.nanoTime() + SHUTDOWN_FLUSH.toNanos());
    } catch (RuntimeException e) {
      LOG.debug("Could not charge the last rate limit tokens at shutdown", e);
    }
  }

  int unsynchronised(int capacity) {
    return settings.memoryOnly()
        ? 0
        : Shares.unsynchronised(capacity, settings.tolerance(), settings.instances());
  }

  boolean memoryOnly() {
    return store == null;
  }

  BucketStore store() {
    return store;
  }

  Executor workers() {
    return Infrastructure.getDefaultWorkerPool();
  }

  void rejected(Limit kind) {
    rejections.get(kind).increment();
  }

  /** After a local decision: starts a background charge half-way; the flush sends the rest. */
  void afterLocal(Share share, BucketConfiguration configuration) {
    if (share.wantsSync()) {
      workers().execute(() -> sync(share, configuration));
    }
    if (share.markDirty()) {
      dirty.add(new Dirty(share, configuration));
    }
  }

  /**
   * Charges the share's uncounted tokens, or joins the charge under way; on the caller's thread.
   */
  CompletableFuture<Void> sync(Share share, BucketConfiguration configuration) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    Long tokens = share.begin(mine);
    if (tokens == null) {
      CompletableFuture<Void> pending = share.pending();
      return pending == null ? CompletableFuture.completedFuture(null) : pending;
    }
    try {
      long left = store.charge(share.id, configuration, tokens);
      share.synced(left, System.nanoTime());
    } catch (RuntimeException e) {
      share.failed();
      storeFailed(e);
    } finally {
      mine.complete(null);
    }
    return mine;
  }

  boolean storeDown() {
    if (!down) {
      return false;
    }
    if (System.nanoTime() - downAt > OUTAGE_RETRY.toNanos()) {
      down = false;
      return false;
    }
    return true;
  }

  void storeFailed(RuntimeException failure) {
    if (!down) {
      LOG.warnf(
          "The shared rate limit store failed (%s); deciding on this instance for %d s",
          failure.toString(), OUTAGE_RETRY.toSeconds());
    }
    downAt = System.nanoTime();
    down = true;
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.debug("Rate limit flush failed", e);
    }
  }

  private void pruneQuietly() {
    try {
      if (!storeDown()) {
        prune();
      }
    } catch (RuntimeException e) {
      LOG.debug("Pruning full rate limit buckets failed", e);
    }
  }
}
