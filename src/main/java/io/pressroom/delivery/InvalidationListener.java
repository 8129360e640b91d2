package io.pressroom.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.account.ApiKeyService;
import io.pressroom.account.KnownSessions;
import io.pressroom.article.ArticleGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Applies the invalidations of other instances ({@link InvalidationNotifier}) to this one: a daemon
 * thread LISTENs on its own connection ({@link ListenerConnection}), waits for notifications a
 * short while at a time so that they are applied within a second, and pings the connection every
 * {@link #PING_EVERY} so that a dead one is noticed. While it is not proven alive the response
 * cache serves nothing ({@link ResponseCache#stopServing}) and the thread reconnects with backoff;
 * once it listens again the scheduled publications are read afresh and the cache serves again.
 * Losses and recoveries are logged once each, not per retry.
 */
@ApplicationScoped
class InvalidationListener {

  private static final Logger LOG = Logger.getLogger(InvalidationListener.class);
  private static final int WAIT_MILLIS = 250;
  private static final Duration PING_EVERY = Duration.ofSeconds(2);
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

  /**
   * How long start-up waits for the first LISTEN, so that the cache works from the first request.
   */
  private static final Duration START_WAIT = Duration.ofSeconds(5);

  /**
   * How long a stop waits for the thread: one wait for notifications ({@value #WAIT_MILLIS} ms) and
   * the closing of its connection, with room to spare.
   */
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final ResponseCache cache;
  private final ApiKeyService apiKeys;
  private final KnownSessions sessions;
  private final ArticleGateway articles;
  private final String origin;
  private final Counter received;
  private final AtomicInteger connected = new AtomicInteger();
  private final CountDownLatch firstListen = new CountDownLatch(1);
  private final Event<OtherInstancesHeard> heard;
  private final Event<OtherInstancesChanged> changed;
  private final Event<OtherInstancesFeedback> feedback;
  private volatile boolean running = true;
  private Thread thread;

  InvalidationListener(
      ResponseCache cache,
      ApiKeyService apiKeys,
      KnownSessions sessions,
      ArticleGateway articles,
      InvalidationNotifier notifier,
      Event<OtherInstancesHeard> heard,
      Event<OtherInstancesChanged> changed,
      Event<OtherInstancesFeedback> feedback,
      MeterRegistry meters) {
    this.cache = cache;
    this.heard = heard;
    this.changed = changed;
    this.feedback = feedback;
    this.apiKeys = apiKeys;
    this.sessions = sessions;
    this.articles = articles;
    this.origin = notifier.origin();
    this.received =
        Counter.builder("pressroom.invalidation.received")
            .description("Invalidations received from other instances and applied")
            .register(meters);
    meters.gauge("pressroom.invalidation.listener.connected", connected);
  }

  void onStart(@Observes StartupEvent event) throws InterruptedException {
    thread = new Thread(this::run, "pressroom-invalidation-listener");
    thread.setDaemon(true);
    thread.start();
    if (!firstListen.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("Not yet listening for invalidations; the response cache stays empty until then");
    }
  }

  /**
   * Stops the thread and waits for it: its last act fires events to the container's observers,
   * which must still be there (left running, it fired them into a container already shut down and
   * died of that exception).
   */
  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(STOP_WAIT.toMillis());
    }
  }

  private void run() {
    try {
      listenUntilStopped();
    } finally {
      // Whatever ends the thread, nothing reaches the caches any more.
      cache.stopServing();
      sessions.distrust();
      connected.set(0);
      heard.fire(new OtherInstancesHeard(false));
      changed.fire(new OtherInstancesChanged(false));
    }
  }

  private void listenUntilStopped() {
    Duration retry = FIRST_RETRY;
    Instant lostAt = null;
    while (running) {
      try (ListenerConnection connection = open()) {
        cache.serveAgain(QuarkusTransaction.requiringNew().call(articles::scheduledPublications));
        // A revocation sent while this instance was deaf is missed: look every key up again.
        apiKeys.forgetRecognised();
        sessions.trust();
        connected.set(1);
        firstListen.countDown();
        // What was written while deaf is looked for once now.
        heard.fire(new OtherInstancesHeard(true));
        changed.fire(new OtherInstancesChanged(true));
        if (lostAt != null) {
          LOG.infof(
              "Listening for invalidations again after %d ms; the response cache serves again",
              Duration.between(lostAt, Instant.now()).toMillis());
        }
        lostAt = null;
        retry = FIRST_RETRY;
        listen(connection);
      } catch (Exception e) {
        if (!running) {
          return;
        }
        cache.stopServing();
        sessions.distrust();
        connected.set(0);
        heard.fire(new OtherInstancesHeard(false));
        changed.fire(new OtherInstancesChanged(false));
        if (lostAt == null) {
          lostAt = Instant.now();
          LOG.warnf(
              "Not listening for invalidations (%s); the response cache serves nothing until it"
                  + " reconnects",
              e.getMessage());
        } else {
          LOG.debugf("Still not listening for invalidations: %s", e.getMessage());
        }
      }
      if (!sleep(retry)) {
        return;
      }
      retry = min(retry.multipliedBy(2), LONGEST_RETRY);
    }
  }

  /** Applies what arrives until the connection fails (an exception) or the instance stops. */
  private void listen(ListenerConnection connection) throws Exception {
    Instant nextPing = Instant.now().plus(PING_EVERY);
    while (running) {
      List<String> payloads = connection.receive(WAIT_MILLIS);
      for (String payload : payloads) {
        apply(Invalidation.decode(payload));
      }
      if (!Instant.now().isBefore(nextPing)) {
        connection.ping();
        nextPing = Instant.now().plus(PING_EVERY);
      }
    }
  }

  private void apply(Invalidation invalidation) {
    if (origin.equals(invalidation.origin())) {
      return;
    }
    received.increment();
    cache.apply(invalidation);
    if (invalidation.what() == Invalidation.What.LISTINGS
        || invalidation.what() == Invalidation.What.EVERYTHING) {
      heard.fire(new OtherInstancesHeard(true));
    }
    if (invalidation.what() == Invalidation.What.ARTICLE) {
      feedback.fire(new OtherInstancesFeedback(invalidation.articleId()));
    }
    // Feedback, API keys and discussions are in no per-instance copy of public tables.
    if (invalidation.what() != Invalidation.What.ARTICLE
        && invalidation.what() != Invalidation.What.API_KEYS
        && invalidation.what() != Invalidation.What.DISCUSSIONS) {
      changed.fire(
          new OtherInstancesChanged(true, invalidation.what() == Invalidation.What.AUTHORS));
    }
    if (invalidation.what() == Invalidation.What.ACCOUNT) {
      sessions.forget(invalidation.accountId());
    } else if (invalidation.what() == Invalidation.What.EVERYTHING) {
      sessions.forgetAll();
    }
    if (invalidation.what() == Invalidation.What.API_KEYS
        || invalidation.what() == Invalidation.What.EVERYTHING) {
      apiKeys.forgetRecognised();
    }
  }

  /** The datasource's own settings, read now: the embedded database sets its URL at start. */
  private static ListenerConnection open() throws Exception {
    Config config = ConfigProvider.getConfig();
    return ListenerConnection.listen(
        config.getValue("quarkus.datasource.jdbc.url", String.class),
        config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null),
        Invalidation.CHANNEL);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
