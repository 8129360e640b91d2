package io.pressroom.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.pressroom.PressroomConfig;
import io.pressroom.article.ArticleChanged;
import io.pressroom.web.ResponseDependencies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Hot public answers (article pages, listings, tags, authors, feeds, suggestions, discussions) kept
 * in memory as the exact bytes an anonymous client is sent, with their validators; signed-in
 * readers share them, and their own state on an article page is kept beside them per reader and
 * article, dropped with the page's invalidations and by any follow (see {@link
 * ResponseCacheFilter}). A reader's own feed is kept for that reader alone, under their account,
 * and dropped as listings are and by any follow.
 *
 * <p>Invalidation: a change to what may appear in listings (a public or scheduled article
 * published, edited, unpublished or deleted; a tag, or an author's shown profile or role changed)
 * starts a new generation, which drops every entry. Writes no reader can see (drafts, readers'
 * profiles) leave the cache alone, so that they cannot be used to empty it; the name or avatar of a
 * reader who comments drops only the kept discussions ({@link DiscussionsChanged}). Feedback on one
 * article (a like, a rating, a comment) drops only the entries that show that article, its
 * discussion among them. Entries also end when a scheduled article's instant comes, and after a
 * time to live. An answer built while an invalidation happened is not kept, so a slow reader never
 * puts back what a writer just replaced.
 *
 * <p>Size: the kept answers weigh at most {@code maximum-size} together ({@link #weight}), and
 * Caffeine keeps those asked most often, so that a client asking for thousands of different large
 * pages neither fills the heap nor pushes out what readers keep asking for.
 *
 * <p>Suggestions while typing are built partly from this instance's search index, which applies a
 * commit a moment after the commit's invalidation has reached this cache: a suggestion built in
 * between shows the index as it was. So they are also dropped whenever the index starts showing a
 * new state ({@link SearchAnswersChanged}), and one built before that is not kept. They list
 * authors most followed first, from a copy whose order may lag a follow by {@link
 * PublicContentChanged#FOLLOWER_ORDER_LAG}; a follow does not drop them (readers following would
 * keep them empty), they are kept no longer than that lag instead.
 *
 * <p>Several instances on one database: this instance's own writes are applied as soon as they
 * commit; every write also sends the same invalidation, with the instant of any scheduled
 * publication, over PostgreSQL's {@code pg_notify}: content changes inside their transaction
 * ({@link InvalidationNotifier}, delivered on commit only), feedback just after its commit ({@link
 * FeedbackAnnouncer}, which keeps notifying transactions off the commit path), and {@link
 * InvalidationListener} applies those of other instances here within a second. The cache serves and
 * keeps nothing while that listening connection is not proven alive (before it first listens, after
 * an error or a missed ping): a write made meanwhile could not reach it. When it listens again the
 * scheduled publications are read afresh and a new generation starts.
 */
@ApplicationScoped
public class ResponseCache {

  private static final String AUTHORS = "/api/v1/authors";
  private static final String SUGGESTIONS = "/api/v1/suggestions";

  /** Readers' own feeds, each kept under its reader's account (see {@link ResponseCacheFilter}). */
  private static final String FEEDS = "/api/v1/me/feed";

  /** An article's comments, any page of them: the key is the path and the query. */
  private static final Pattern DISCUSSION =
      Pattern.compile("/api/v1/articles/[^/?]+/comments(\\?.*)?");

  /** An entry's record, its map node in the cache and their headers, roughly. */
  private static final int ENTRY_OVERHEAD = 256;

  private static final int HEADER_OVERHEAD = 64;

  /** A boxed id in an immutable set. */
  private static final int ARTICLE_OVERHEAD = 32;

  /**
   * A kept answer and what it depends on; {@code articlePage} when it is a public article page, to
   * which a signed-in reader's copy adds the reader's own state.
   */
  record Entry(
      byte[] body,
      Map<String, String> headers,
      Set<Long> articles,
      ResponseDependencies.ArticlePage articlePage,
      long generation,
      long epoch,
      Instant expiresAt) {}

  /** Where the world stood when an answer started being built. */
  record Stamp(long generation, long epoch) {}

  private record ViewerKey(long accountId, long articleId) {}

  /** A reader's own state on an article page, as JSON, and when its reading started. */
  private record KeptViewer(byte[] json, long generation, long epoch) {}

  private final PressroomConfig.ResponseCache config;
  private final Cache<String, Entry> entries;
  private final Cache<Long, Long> articleInvalidatedAt;
  private final Cache<ViewerKey, KeptViewer> viewers;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong epoch = new AtomicLong();
  private final AtomicLong followsInvalidatedAt = new AtomicLong();
  private final AtomicLong discussionsInvalidatedAt = new AtomicLong();
  private final AtomicLong searchAnswersChangedAt = new AtomicLong();
  private final ConcurrentSkipListSet<Instant> scheduled = new ConcurrentSkipListSet<>();

  /** Whether invalidations of other instances reach this one; nothing is served until they do. */
  private volatile boolean listening;

  ResponseCache(PressroomConfig config, MeterRegistry meters) {
    this.config = config.responseCache();
    // Bounded by weight, not count: pages run from a few hundred bytes to a whole feed, and ten
    // thousand listings of 100 filled a 256 MB heap.
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(this.config.maximumSize().asLongValue())
            .weigher(ResponseCache::weight)
            .build();
    this.articleInvalidatedAt =
        Caffeine.newBuilder().expireAfterWrite(this.config.timeToLive().multipliedBy(2)).build();
    this.viewers =
        Caffeine.newBuilder()
            .maximumSize(this.config.maximumViewers())
            .expireAfterWrite(this.config.viewerTimeToLive())
            .build();
    Gauge.builder("pressroom.response.cache.size", this, ResponseCache::keptBytes)
        .description("What the answers the response cache keeps weigh, as the cache counts them")
        .baseUnit(BaseUnits.BYTES)
        .register(meters);
    Gauge.builder("pressroom.response.cache.entries", entries, Cache::estimatedSize)
        .description("How many answers the response cache keeps")
        .register(meters);
  }

  /**
   * What a kept answer weighs, in bytes: its body and headers, its key, the articles it shows and
   * about what the cache spends on an entry beside them.
   */
  static int weight(String key, Entry entry) {
    long weight = ENTRY_OVERHEAD + entry.body().length + key.length();
    for (Map.Entry<String, String> header : entry.headers().entrySet()) {
      weight += HEADER_OVERHEAD + header.getKey().length() + header.getValue().length();
    }
    weight += (long) entry.articles().size() * ARTICLE_OVERHEAD;
    return (int) Math.min(Integer.MAX_VALUE, weight);
  }

  /** What the kept answers weigh together ({@link #weight}). */
  long keptBytes() {
    // The cache evicts a moment after a write, on another thread: what it weighs once it has.
    entries.cleanUp();
    return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  boolean enabled() {
    return config.enabled();
  }

  Stamp stamp() {
    return new Stamp(generation.get(), epoch.get());
  }

  /** The kept answer for this key, if it is still valid. */
  Entry lookUp(String key) {
    if (!listening) {
      return null;
    }
    Instant now = Instant.now();
    startOverIfScheduledArticlesAppeared(now);
    Entry entry = entries.getIfPresent(key);
    if (entry == null) {
      return null;
    }
    if (entry.generation() != generation.get()
        || now.isAfter(entry.expiresAt())
        || (fromSearchIndex(key) && searchAnswersChangedAt.get() > entry.epoch())) {
      entries.invalidate(key);
      return null;
    }
    for (Long article : entry.articles()) {
      Long invalidated = articleInvalidatedAt.getIfPresent(article);
      if (invalidated != null && invalidated > entry.epoch()) {
        entries.invalidate(key);
        return null;
      }
    }
    return entry;
  }

  /**
   * The reader's own state on the article (liked, rating, following its author) as JSON, if kept
   * and nothing changed it since it was read: feedback on the article, any follow or unfollow, or a
   * new generation (on this instance when it commits, elsewhere through the invalidation channel).
   */
  byte[] viewer(long accountId, long articleId) {
    if (!listening) {
      return null;
    }
    ViewerKey key = new ViewerKey(accountId, articleId);
    KeptViewer kept = viewers.getIfPresent(key);
    if (kept == null) {
      return null;
    }
    Long invalidated = articleInvalidatedAt.getIfPresent(articleId);
    if (kept.generation() != generation.get()
        || (invalidated != null && invalidated > kept.epoch())
        || followsInvalidatedAt.get() > kept.epoch()) {
      viewers.invalidate(key);
      return null;
    }
    return kept.json();
  }

  /**
   * Keeps the reader's state read since {@code stamp}; {@link #viewer} checks it against what
   * changed since then, so one kept while a change was being applied is never served.
   */
  void keepViewer(long accountId, long articleId, byte[] json, Stamp stamp) {
    if (listening && stamp.generation() == generation.get()) {
      viewers.put(
          new ViewerKey(accountId, articleId),
          new KeptViewer(json, stamp.generation(), stamp.epoch()));
    }
  }

  /** Keeps an answer built since {@code stamp}, unless something it shows changed meanwhile. */
  void keep(
      String key,
      Stamp stamp,
      byte[] body,
      Map<String, String> headers,
      Set<Long> articles,
      ResponseDependencies.ArticlePage articlePage) {
    startOverIfScheduledArticlesAppeared(Instant.now());
    if (!listening || stamp.generation() != generation.get()) {
      return;
    }
    if (followsShowIn(key) && followsInvalidatedAt.get() > stamp.epoch()) {
      return;
    }
    if (discussion(key) && discussionsInvalidatedAt.get() > stamp.epoch()) {
      return;
    }
    if (fromSearchIndex(key) && searchAnswersChangedAt.get() > stamp.epoch()) {
      return;
    }
    for (Long article : articles) {
      Long invalidated = articleInvalidatedAt.getIfPresent(article);
      if (invalidated != null && invalidated > stamp.epoch()) {
        return;
      }
    }
    Instant expiresAt =
        Instant.now()
            .plus(
                fromSearchIndex(key)
                    ? min(config.timeToLive(), PublicContentChanged.FOLLOWER_ORDER_LAG)
                    : config.timeToLive());
    Instant due = firstScheduled();
    if (due != null && due.isBefore(expiresAt)) {
      expiresAt = due;
    }
    entries.put(
        key,
        new Entry(
            body,
            Map.copyOf(headers),
            Set.copyOf(articles),
            articlePage,
            stamp.generation(),
            stamp.epoch(),
            expiresAt));
  }

  void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    Invalidation.of("", change, Instant.now()).ifPresent(this::apply);
  }

  void contentChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
    apply(Invalidation.of("", change));
  }

  void discussionsChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DiscussionsChanged change) {
    apply(Invalidation.discussions(""));
  }

  /** Drops what a committed write, of this instance or another, made stale. */
  void apply(Invalidation invalidation) {
    switch (invalidation.what()) {
      case ARTICLE -> articleInvalidatedAt.put(invalidation.articleId(), epoch.incrementAndGet());
      case LISTINGS -> {
        Instant at = invalidation.publishesAt();
        if (at != null && at.isAfter(Instant.now())) {
          scheduled.add(at);
        }
        newGeneration();
      }
      case AUTHORS -> {
        // A follow shows only in authors' answers (their follower counts) and in readers' feeds
        // (whose articles they hold); an answer being built meanwhile stays out too.
        epoch.incrementAndGet();
        entries.asMap().keySet().removeIf(ResponseCache::followsShowIn);
        followsInvalidatedAt.set(epoch.get());
      }
      case DISCUSSIONS -> {
        // A commenter's name or avatar shows only in discussions; one being built stays out too.
        epoch.incrementAndGet();
        entries.asMap().keySet().removeIf(ResponseCache::discussion);
        discussionsInvalidatedAt.set(epoch.get());
      }
      case EVERYTHING -> newGeneration();
      case API_KEYS, ACCOUNT -> {
        // Not an answer of this cache.
      }
    }
  }

  /**
   * This instance's search index shows searches a new state: suggestions built from the one before
   * are dropped, and one being built now is not kept (see {@link #keep}).
   */
  void searchAnswersChanged(@Observes SearchAnswersChanged change) {
    searchAnswersChangedAt.set(epoch.incrementAndGet());
    entries.asMap().keySet().removeIf(ResponseCache::fromSearchIndex);
  }

  /** Whether the kept answer of {@code key} is built from the search index: a suggestion. */
  static boolean fromSearchIndex(String key) {
    return key.startsWith(SUGGESTIONS);
  }

  /** Whether a follow changes the kept answer of {@code key}: an author's, or a reader's feed. */
  private static boolean followsShowIn(String key) {
    return key.startsWith(AUTHORS) || key.startsWith(FEEDS);
  }

  /** Whether the kept answer of {@code key} is a page of an article's comments. */
  static boolean discussion(String key) {
    return DISCUSSION.matcher(key).matches();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The listening connection is lost: serve and keep nothing, since another instance's write could
   * not reach this one meanwhile.
   */
  void stopServing() {
    listening = false;
    newGeneration();
  }

  /**
   * The listening connection listens again and {@code scheduledPublications} were read after it
   * did: start over (what was built while nothing was heard is not kept) and serve again.
   */
  void serveAgain(Collection<Instant> scheduledPublications) {
    Instant now = Instant.now();
    scheduledPublications.stream().filter(at -> at.isAfter(now)).forEach(scheduled::add);
    newGeneration();
    listening = true;
  }

  /**
   * The next instant a scheduled article appears by itself, after which listings kept anywhere are
   * stale; empty when none is known. While this instance is not listening it may not know them all,
   * so it answers now: keep nothing.
   */
  Optional<Instant> nextScheduledPublication() {
    Instant now = Instant.now();
    return listening ? Optional.ofNullable(scheduled.ceiling(now)) : Optional.of(now);
  }

  /** A scheduled article that became public changes listings although nobody wrote anything. */
  private void startOverIfScheduledArticlesAppeared(Instant now) {
    Instant due = firstScheduled();
    if (due != null && !now.isBefore(due)) {
      scheduled.headSet(now, true).clear();
      newGeneration();
    }
  }

  private Instant firstScheduled() {
    return scheduled.ceiling(Instant.MIN);
  }

  private void newGeneration() {
    generation.incrementAndGet();
    epoch.incrementAndGet();
    entries.invalidateAll();
    viewers.invalidateAll();
  }
}
