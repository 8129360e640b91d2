package io.pressroom.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pressroom.PressroomConfig;
import io.pressroom.article.ArticleChanged;
import io.pressroom.article.ArticleGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hot anonymous answers (article pages, listings, tags, authors, feeds) kept in memory as the exact
 * bytes sent, with their validators.
 *
 * <p>Invalidation: a change to what may appear in listings (a public or scheduled article
 * published, edited, unpublished or deleted; a tag, or an author's shown profile or role changed)
 * starts a new generation, which drops every entry. Writes no reader can see (drafts, readers'
 * profiles) leave the cache alone, so that they cannot be used to empty it. Feedback on one article
 * (a like, a rating, a comment) drops only the entries that show that article. Entries also end
 * when a scheduled article's instant comes, and after a time to live. An answer built while an
 * invalidation happened is not kept, so a slow reader never puts back what a writer just replaced.
 *
 * <p>With several instances on one database, each keeps its own cache and hears only its own
 * writes. To carry invalidations across, the same events would be sent with pg_notify inside the
 * writing transaction and each instance would LISTEN and apply them; until then the time to live
 * (default 60 s, like max-age) bounds how stale another instance's copy can be.
 */
@ApplicationScoped
public class ResponseCache {

  /** A kept answer and what it depends on. */
  record Entry(
      byte[] body,
      Map<String, String> headers,
      Set<Long> articles,
      long generation,
      long epoch,
      Instant expiresAt) {}

  /** Where the world stood when an answer started being built. */
  record Stamp(long generation, long epoch) {}

  private final PressroomConfig.ResponseCache config;
  private final ArticleGateway articles;
  private final Cache<String, Entry> entries;
  private final Cache<Long, Long> articleInvalidatedAt;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong epoch = new AtomicLong();
  private final AtomicLong authorsInvalidatedAt = new AtomicLong();
  private final ConcurrentSkipListSet<Instant> scheduled = new ConcurrentSkipListSet<>();

  ResponseCache(PressroomConfig config, ArticleGateway articles) {
    this.config = config.responseCache();
    this.articles = articles;
    this.entries = Caffeine.newBuilder().maximumSize(this.config.maximumEntries()).build();
    this.articleInvalidatedAt =
        Caffeine.newBuilder().expireAfterWrite(this.config.timeToLive().multipliedBy(2)).build();
  }

  boolean enabled() {
    return config.enabled();
  }

  Stamp stamp() {
    return new Stamp(generation.get(), epoch.get());
  }

  /** The kept answer for this key, if it is still valid. */
  Entry lookUp(String key) {
    Instant now = Instant.now();
    startOverIfScheduledArticlesAppeared(now);
    Entry entry = entries.getIfPresent(key);
    if (entry == null) {
      return null;
    }
    if (entry.generation() != generation.get() || now.isAfter(entry.expiresAt())) {
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

  /** Keeps an answer built since {@code stamp}, unless something it shows changed meanwhile. */
  void keep(String key, Stamp stamp, byte[] body, Map<String, String> headers, Set<Long> articles) {
    startOverIfScheduledArticlesAppeared(Instant.now());
    if (stamp.generation() != generation.get()) {
      return;
    }
    if (key.startsWith("/api/v1/authors") && authorsInvalidatedAt.get() > stamp.epoch()) {
      return;
    }
    for (Long article : articles) {
      Long invalidated = articleInvalidatedAt.getIfPresent(article);
      if (invalidated != null && invalidated > stamp.epoch()) {
        return;
      }
    }
    Instant expiresAt = Instant.now().plus(config.timeToLive());
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
            stamp.generation(),
            stamp.epoch(),
            expiresAt));
  }

  void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    if (change.kind() == ArticleChanged.Kind.FEEDBACK) {
      articleInvalidatedAt.put(change.articleId(), epoch.incrementAndGet());
      return;
    }
    if (!change.shown()) {
      return;
    }
    if (change.publishedAt() != null && change.publishedAt().isAfter(Instant.now())) {
      scheduled.add(change.publishedAt());
    }
    newGeneration();
  }

  /** Learns the scheduled publications that exist already when the instance starts. */
  void onStart(@Observes StartupEvent event) {
    scheduled.addAll(QuarkusTransaction.requiringNew().call(articles::scheduledPublications));
  }

  /** A scheduled article that became public changes listings although nobody wrote anything. */
  private void startOverIfScheduledArticlesAppeared(Instant now) {
    Instant due = firstScheduled();
    if (due != null && !now.isBefore(due)) {
      scheduled.headSet(now, true).clear();
      newGeneration();
    }
  }

  /** The first scheduled publication still to come, as far as this instance knows. */
  public Optional<Instant> nextScheduledPublication() {
    return Optional.ofNullable(firstScheduled());
  }

  private Instant firstScheduled() {
    return scheduled.ceiling(Instant.MIN);
  }

  void contentChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
    if (PublicContentChanged.FOLLOWERS.equals(change)) {
      // Follower counts show only on authors; a reader who raced this write stays out too.
      epoch.incrementAndGet();
      entries.asMap().keySet().removeIf(key -> key.startsWith("/api/v1/authors"));
      authorsInvalidatedAt.set(epoch.get());
      return;
    }
    newGeneration();
  }

  private void newGeneration() {
    generation.incrementAndGet();
    epoch.incrementAndGet();
    entries.invalidateAll();
  }
}
