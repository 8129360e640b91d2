package io.pressroom.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.PressroomConfig;
import io.pressroom.article.ArticleChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Purges of the edge cache that are never lost (a transactional outbox). A write queues the keys it
 * changed ({@link SurrogateKeys}) in {@code edge_purges} inside its own transaction, so a purge
 * exists exactly when the write commits. After the commit a single worker thread per instance sends
 * it to every cache at once: woken by the commit, and every second for what is left. A purge is
 * deleted once every cache answered 2xx; otherwise it is tried again after 1 s, doubling up to 30
 * s, across restarts. Due purges are locked with SKIP LOCKED, so instances never send the same one
 * at once, and everything due is sent as one PURGE naming all its keys (each once).
 *
 * <p>Metrics: {@code pressroom_edge_purges_delivered_total}, {@code
 * pressroom_edge_purges_failed_total} (purges per attempt) and {@code
 * pressroom_edge_purges_oldest_age_seconds}, the age of the oldest purge still queued (0 when
 * none): it grows when a cache stays unreachable.
 */
@ApplicationScoped
class EdgePurges {

  private static final Logger LOG = Logger.getLogger(EdgePurges.class);
  private static final int BATCH = 50;
  static final Duration ECHO = Duration.ofSeconds(3);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

  private final PressroomConfig.EdgeCache config;
  private final EdgePurgeQueries queries;
  private final EdgePurgeSender sender;
  private final Counter delivered;
  private final Counter failed;
  private final AtomicReference<Instant> oldest = new AtomicReference<>();
  private final AtomicBoolean woken = new AtomicBoolean();
  private ScheduledExecutorService worker;

  EdgePurges(
      PressroomConfig config,
      EdgePurgeQueries queries,
      EdgePurgeSender sender,
      MeterRegistry meters) {
    this.config = config.edgeCache();
    this.queries = queries;
    this.sender = sender;
    this.delivered =
        Counter.builder("pressroom.edge.purges.delivered")
            .description("Edge cache purges every cache acknowledged")
            .register(meters);
    this.failed =
        Counter.builder("pressroom.edge.purges.failed")
            .description("Edge cache purge attempts that some cache did not acknowledge")
            .register(meters);
    Gauge.builder("pressroom.edge.purges.oldest.age", this, EdgePurges::oldestAgeSeconds)
        .description("Age of the oldest edge cache purge still queued")
        .baseUnit("seconds")
        .register(meters);
  }

  static boolean enabled(PressroomConfig.EdgeCache config) {
    return config.purgeUrls().map(urls -> !urls.isEmpty()).orElse(false);
  }

  void queue(@Observes(during = TransactionPhase.IN_PROGRESS) ArticleChanged change) {
    List<String> keys = SurrogateKeys.ofChange(change);
    queueWithEcho(keys);
    if (scheduled(change)) {
      // Listings change again at the instant although nobody writes then. The lifetime cap
      // (EdgeCacheHeaders) covers answers built by instances that knew of the schedule; this purge,
      // due at the instant and sent by whichever instance is up, covers any other.
      queue(keys, change.publishedAt());
    }
  }

  void queue(@Observes(during = TransactionPhase.IN_PROGRESS) PublicContentChanged change) {
    queueWithEcho(SurrogateKeys.ofChange(change));
  }

  void queue(@Observes(during = TransactionPhase.IN_PROGRESS) DiscussionsChanged change) {
    queueWithEcho(List.of(SurrogateKeys.DISCUSSIONS));
  }

  /**
   * Queues a purge now and the same again {@link #ECHO} later. The first cannot reach an answer
   * Varnish was fetching at that moment (an xkey purge leaves fetches under way alone), nor one an
   * instance built before it heard of the write; the echo removes those.
   */
  private void queueWithEcho(List<String> keys) {
    queue(keys, null);
    queue(keys, Instant.now().plus(ECHO));
  }

  private static boolean scheduled(ArticleChanged change) {
    return change.kind() != ArticleChanged.Kind.FEEDBACK
        && change.shown()
        && change.publishedAt() != null
        && change.publishedAt().isAfter(Instant.now());
  }

  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    if (!SurrogateKeys.ofChange(change).isEmpty()) {
      wake();
    }
  }

  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
    wake();
  }

  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) DiscussionsChanged change) {
    wake();
  }

  /** Queues a purge of {@code keys}, due now or, when {@code dueAt} is given, at that instant. */
  private void queue(Collection<String> keys, Instant dueAt) {
    if (!enabled(config) || keys.isEmpty()) {
      return;
    }
    String value = String.join(" ", keys);
    if (QuarkusTransaction.isActive()) {
      queries.insert(value, dueAt);
    } else {
      // Fired outside a transaction (tests and tools writing with plain SQL): queue it at once.
      QuarkusTransaction.requiringNew().run(() -> queries.insert(value, dueAt));
    }
  }

  void start(@Observes StartupEvent event) {
    if (!enabled(config)) {
      return;
    }
    worker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "edge-purges");
              thread.setDaemon(true);
              return thread;
            });
    worker.scheduleWithFixedDelay(this::deliverDue, 1, 1, TimeUnit.SECONDS);
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (worker != null) {
      worker.shutdown();
      worker.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** Many commits in a row wake the worker once: one pass sends everything due. */
  private void wake() {
    if (worker != null && woken.compareAndSet(false, true)) {
      worker.execute(this::deliverDue);
    }
  }

  private void deliverDue() {
    woken.set(false);
    try {
      while (QuarkusTransaction.requiringNew().call(this::deliverBatch)) {
        // Until nothing due is left or a cache fails.
      }
      oldest.set(QuarkusTransaction.requiringNew().call(queries::oldest).orElse(null));
    } catch (RuntimeException e) {
      // The database may be away: the purges wait in it, and the next pass tries again.
      LOG.debugf(e, "Edge purges not sent this time");
    }
  }

  /** Sends the purges due now as one; true when there may be more to send. */
  private boolean deliverBatch() {
    List<EdgePurgeQueries.Queued> due = queries.lockDue(BATCH);
    if (due.isEmpty()) {
      return false;
    }
    List<Long> ids = due.stream().map(EdgePurgeQueries.Queued::id).toList();
    String keys = SurrogateKeys.join(due.stream().map(EdgePurgeQueries.Queued::keys).toList());
    Optional<String> failure = sender.purge(config.purgeUrls().orElseThrow(), keys);
    if (failure.isEmpty()) {
      queries.delete(ids);
      delivered.increment(ids.size());
      return true;
    }
    queries.postpone(ids, FIRST_RETRY, LONGEST_RETRY, failure.get());
    failed.increment(ids.size());
    LOG.warnf("Edge cache purge of %s failed, tried again later: %s", keys, failure.get());
    return false;
  }

  private double oldestAgeSeconds() {
    Instant first = oldest.get();
    return first == null
        ? 0
        : Math.max(0, Duration.between(first, Instant.now()).toMillis() / 1000.0);
  }
}
