package io.pressroom.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pressroom.PressroomConfig;
import io.pressroom.article.ArticleChanged;
import io.pressroom.article.SearchSource;
import io.pressroom.delivery.ChangePosition;
import io.pressroom.delivery.ChangesService;
import io.pressroom.delivery.OtherInstancesHeard;
import io.pressroom.delivery.SearchAnswersChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's index in step with the database, on a thread of its own: builds it from
 * PostgreSQL when it is missing, then follows the changes feed (every instance's writes) from the
 * position kept in the index, every poll interval or at once after a write here. Articles that
 * become public by the clock (scheduled) are picked up by their instant. Until the index has caught
 * up once (a build also merged into one segment), {@link #ready()} is false and searches go to
 * PostgreSQL.
 */
@ApplicationScoped
class SearchIndexer {

  private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
  private static final int BATCH = 500;
  private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  private static final Duration READ_YOUR_WRITES_WAIT = Duration.ofSeconds(3);

  /** How long after a write the feed is read often: it hands a change out late under load. */
  private static final Duration BUSY_AFTER_WRITE = Duration.ofSeconds(3);

  private final PressroomConfig.Search config;
  private final SearchSource source;
  private final ChangesService changes;
  private final Event<SearchAnswersChanged> answersChanged;
  private final Semaphore wake = new Semaphore(0);
  private final Counter feedReads;
  private final AtomicLong writesHere = new AtomicLong();
  private final Queue<Long> writtenHere = new ConcurrentLinkedQueue<>();
  private final Object appliedLock = new Object();
  private long writesApplied;
  private volatile SearchIndex index;
  private volatile boolean ready;
  private volatile boolean running = true;
  private volatile boolean othersAnnounced;
  private volatile long busyUntil = System.nanoTime();
  private boolean resumed;
  private volatile Instant caughtUpAt = Instant.now();
  private Path temporary;
  private Thread thread;
  private String txid = "0";
  private long seq;
  private Instant clock;

  /** When the next scheduled article becomes public, as the last look at the feed saw it. */
  private volatile Optional<Instant> nextPublication = Optional.empty();

  private boolean uncommitted;
  private Instant committedAt = Instant.now();

  SearchIndexer(
      PressroomConfig config,
      SearchSource source,
      ChangesService changes,
      Event<SearchAnswersChanged> answersChanged,
      MeterRegistry meters) {
    this.config = config.search();
    this.source = source;
    this.changes = changes;
    this.answersChanged = answersChanged;
    Gauge.builder("pressroom.search.index.lag", this, SearchIndexer::lagSeconds)
        .description("Seconds since the search index last caught up with the changes feed")
        .baseUnit("seconds")
        .register(meters);
    this.feedReads =
        Counter.builder("pressroom.search.index.feed.reads")
            .description("Times the search index looked in the changes feed (3 short statements)")
            .register(meters);
    Gauge.builder("pressroom.search.index.documents", this, SearchIndexer::documents)
        .description("Public articles in this instance's search index")
        .register(meters);
  }

  void onStart(@Observes StartupEvent event) {
    if (config.engine() != PressroomConfig.SearchEngine.LUCENE) {
      return;
    }
    thread = new Thread(this::run, "pressroom-search-indexer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Stops the thread without interrupting it (an interrupt during file I/O closes the index
   * writer's channels, and the work since the last commit is lost), then commits and closes the
   * index once the thread has ended. A thread still busy after {@link #STOP_WAIT} keeps its index
   * open: the next start catches up from the last commit.
   */
  void onStop(@Observes ShutdownEvent event) {
    running = false;
    wake.release();
    if (thread != null) {
      try {
        thread.join(STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        LOG.warn("Search index still busy at stop; it catches up from its last commit next time");
        return;
      }
    }
    closeIndex();
  }

  /** A write here committed: look at the feed now rather than at the next poll. */
  void onWrite(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    if (change.kind() != ArticleChanged.Kind.FEEDBACK) {
      writtenHere.add(change.articleId());
      writesHere.incrementAndGet();
      wakeUp();
    }
  }

  /** Another instance wrote, or whether its writes are announced here changed. */
  void onOtherInstances(@Observes OtherInstancesHeard heard) {
    othersAnnounced = heard.listening();
    wakeUp();
  }

  private void wakeUp() {
    busyUntil = System.nanoTime() + BUSY_AFTER_WRITE.toNanos();
    wake.release();
  }

  /**
   * Often after a write or while other instances' writes are not announced; else seldom, but never
   * past the next scheduled publication: nobody writes anything at that instant.
   */
  private Duration nextPoll() {
    boolean busy = System.nanoTime() - busyUntil < 0;
    Duration poll = busy || !othersAnnounced ? config.pollInterval() : config.idlePollInterval();
    Optional<Instant> next = nextPublication;
    if (next.isPresent()) {
      Duration untilNext = Duration.between(clock, next.get()).plusMillis(1);
      if (untilNext.compareTo(poll) < 0) {
        return untilNext.isNegative() ? Duration.ZERO : untilNext;
      }
    }
    return poll;
  }

  /**
   * Waits (a little) until the index has applied every write this instance committed so far, so
   * that whoever wrote here finds their change in the next search: a poll round takes a few
   * milliseconds. Writes of other instances arrive within the poll interval.
   */
  void awaitWritesHere() {
    long wanted = writesHere.get();
    long deadline = System.nanoTime() + READ_YOUR_WRITES_WAIT.toNanos();
    synchronized (appliedLock) {
      while (writesApplied < wanted && ready) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(appliedLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The index, once it has caught up with the feed at least once; else null. */
  SearchIndex readyIndex() {
    return ready ? index : null;
  }

  boolean ready() {
    return ready;
  }

  private void run() {
    try {
      follow();
    } finally {
      // A thread that outlived onStop's wait closes its index itself, or the writer's lock stays
      // held for the life of the JVM.
      if (!running) {
        closeIndex();
      }
    }
  }

  private void follow() {
    while (running) {
      try {
        openAndBuild();
        while (running) {
          catchUp();
          if (!ready && resumed && !matchesDatabase()) {
            rebuild();
            continue;
          }
          if (!ready) {
            ready = true;
            LOG.infof("Search index ready with %d articles", index.documents());
            answersChanged.fire(new SearchAnswersChanged());
            if (index.mergeOwed()) {
              // After readiness: the merge takes a while, and the index answers meanwhile. Owed
              // by a build that a stop cut short during its merge (a build merges before it is
              // searched, see SearchIndex#mergeBuilt).
              LOG.info("Search index merging into one segment");
              index.startMergingIntoOne();
            }
          }
          commitIfDue();
          if (index.mergeEnded()) {
            index.refresh();
            commitNow();
            LOG.info("Search index merged into one segment");
          }
          wake.tryAcquire(nextPoll().toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!running) {
          return;
        }
        LOG.warnf(e, "Search index not following the changes feed; retrying");
        if (!sleep(RETRY)) {
          return;
        }
      }
    }
  }

  private void openAndBuild() throws IOException {
    if (index != null) {
      return;
    }
    SearchIndex opened = SearchIndex.open(directory());
    var resume = opened.resumePoint();
    if (resume.isPresent()) {
      Map<String, String> at = resume.get();
      txid = at.get(SearchIndex.TXID_KEY);
      seq = Long.parseLong(at.get(SearchIndex.SEQ_KEY));
      clock = Instant.parse(at.get(SearchIndex.CLOCK_KEY));
      index = opened;
      resumed = true;
      LOG.infof("Search index resumes from the changes feed at %s/%d", txid, seq);
      return;
    }
    build(opened);
  }

  /**
   * Whether the index, caught up from where it stopped, holds as many articles as are public: rows
   * written around the changes feed (a restored backup, a bulk load, another database at the same
   * address) would otherwise never be found.
   */
  private boolean matchesDatabase() throws IOException {
    long indexed = index.searchableDocuments();
    long visible = QuarkusTransaction.requiringNew().call(source::publicCount);
    if (indexed == visible) {
      return true;
    }
    LOG.warnf(
        "The search index holds %d articles but %d are public: building it again",
        indexed, visible);
    return false;
  }

  private void rebuild() throws IOException {
    SearchIndex stale = index;
    index = null; // until built (fill sets it), as for a first build
    build(stale.emptiedForRebuild());
    resumed = false;
  }

  /**
   * Builds {@code opened} from the database. One that fails is abandoned, its writer closed: its
   * lock would otherwise stay held, and every retry fail to open the index again.
   */
  private void build(SearchIndex opened) throws IOException {
    try {
      fill(opened);
    } catch (IOException | RuntimeException e) {
      try {
        opened.abandon();
      } catch (IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private void fill(SearchIndex opened) throws IOException {
    LOG.info("Building the search index from the database");
    // Where the feed stands before reading: whatever is written meanwhile is applied again later.
    ChangePosition start = QuarkusTransaction.requiringNew().call(changes::latestPosition);
    Instant startClock = QuarkusTransaction.requiringNew().call(source::now);
    long after = 0;
    int count = 0;
    while (running) {
      long from = after;
      List<SearchSource.Document> batch =
          QuarkusTransaction.requiringNew().call(() -> source.publicDocumentsAfter(from, BATCH));
      if (batch.isEmpty()) {
        break;
      }
      batch.forEach(opened::add);
      count += batch.size();
      after = batch.get(batch.size() - 1).id();
    }
    txid = start.txid();
    seq = start.seq();
    clock = startClock;
    opened.built();
    opened.commit(txid, seq, clock.toString());
    LOG.infof("Search index built with %d articles; merging it into one segment", count);
    opened.mergeBuilt(txid, seq, clock.toString());
    LOG.info("Search index merged into one segment");
    opened.refresh();
    index = opened;
  }

  /** Applies every change the feed hands out now, and the articles the clock made public. */
  private void catchUp() throws IOException {
    feedReads.increment();
    long writesBefore = writesHere.get();
    boolean changed = false;
    // Articles written here are read again at once: the feed hands a change out only once every
    // older transaction has ended, which can take a while under load. It brings them again later.
    Set<Long> local = new LinkedHashSet<>();
    for (Long id = writtenHere.poll(); id != null; id = writtenHere.poll()) {
      local.add(id);
    }
    if (!local.isEmpty()) {
      apply(new ArrayList<>(local));
      changed = true;
    }
    while (running) {
      List<ChangePosition> batch =
          QuarkusTransaction.requiringNew().call(() -> changes.changesAfter(txid, seq, BATCH));
      if (batch.isEmpty()) {
        break;
      }
      Set<Long> ids = new LinkedHashSet<>();
      batch.forEach(change -> ids.add(change.articleId()));
      apply(new ArrayList<>(ids));
      LOG.debugf(
          "Search index applied %d changes up to %s", batch.size(), batch.get(batch.size() - 1));
      ChangePosition last = batch.get(batch.size() - 1);
      txid = last.txid();
      seq = last.seq();
      changed = true;
    }
    SearchSource.Clock read = QuarkusTransaction.requiringNew().call(source::clock);
    Instant now = read.now();
    nextPublication = read.nextPublication();
    Instant since = clock;
    List<Long> due = QuarkusTransaction.requiringNew().call(() -> source.becamePublic(since, now));
    LOG.tracef("Search index looked for articles public since %s until %s: %s", since, now, due);
    if (!due.isEmpty()) {
      apply(due);
      changed = true;
    }
    clock = now;
    if (changed) {
      index.refresh();
      uncommitted = true;
      answersChanged.fire(new SearchAnswersChanged());
    }
    caughtUpAt = Instant.now();
    synchronized (appliedLock) {
      writesApplied = writesBefore;
      appliedLock.notifyAll();
    }
  }

  /** Puts the public ones of these articles in the index and takes the others out. */
  private void apply(List<Long> ids) {
    List<SearchSource.Document> documents =
        QuarkusTransaction.requiringNew().call(() -> source.publicDocuments(ids));
    Set<Long> gone = new LinkedHashSet<>(ids);
    for (SearchSource.Document document : documents) {
      index.put(document);
      gone.remove(document.id());
    }
    if (!gone.isEmpty()) {
      index.remove(gone);
    }
  }

  private void commitIfDue() throws IOException {
    if (uncommitted && Instant.now().isAfter(committedAt.plus(COMMIT_EVERY))) {
      commitNow();
    }
  }

  private void commitNow() throws IOException {
    index.commit(txid, seq, clock.toString());
    uncommitted = false;
    committedAt = Instant.now();
  }

  private Path directory() throws IOException {
    String configured = config.indexDirectory().orElse(null);
    if ("temporary".equals(configured)) {
      temporary = Files.createTempDirectory("pressroom-search-");
      return temporary;
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String dataDir = System.getenv("PRESSROOM_DATA_DIR");
    if (dataDir == null || dataDir.isBlank()) {
      dataDir = System.getProperty("pressroom.data-dir", "data");
    }
    return Path.of(dataDir, "search-index");
  }

  private synchronized void closeIndex() {
    SearchIndex open = index;
    ready = false;
    index = null;
    if (open != null) {
      try {
        if (uncommitted) {
          open.commit(txid, seq, clock.toString());
        }
        open.close();
      } catch (IOException | RuntimeException e) {
        LOG.warnf("Search index not closed cleanly (%s); it will catch up at the next start", e);
      }
    }
    if (temporary != null) {
      try (Stream<Path> paths = Files.walk(temporary)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        LOG.debugf("Temporary search index not removed: %s", e.getMessage());
      }
    }
  }

  private double lagSeconds() {
    return ready ? Duration.between(caughtUpAt, Instant.now()).toMillis() / 1000.0 : Double.NaN;
  }

  private double documents() {
    SearchIndex open = index;
    return open == null ? 0 : open.documents();
  }

  /** Waits before a retry; a stop ends the wait at once. */
  private boolean sleep(Duration duration) {
    try {
      wake.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
