package io.pressroom.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-instance copies of public rows by key (the summaries of the articles searches show), at most
 * a bounded number, dropped as {@link KeptSnapshot} drops its one copy: when a write commits here
 * ({@link #drop}), when another instance announces one (its owner passes {@link
 * OtherInstancesChanged} to {@link #trust}), and while the invalidation listener is not proven
 * alive nothing is used or kept, so the caller reads PostgreSQL as without them. Copies with a time
 * to live may also be dropped one key at a time ({@link #drop(Object)}: feedback on one article),
 * as {@link ResponseCache} drops the answers that show one article.
 *
 * <p>A reader takes a {@link #stamp} before it reads the rows it will {@link #keep}: a copy read
 * while a drop of its key (or of every key) happened is not kept, so a slow reader never puts back
 * what a writer just replaced. Drops come after the commit they announce (here when it succeeded,
 * from other instances when PostgreSQL delivers the notification), so a read that starts after a
 * drop sees the write.
 */
public final class KeptCopies<K, V> {

  /** Where the copies stood when a read started: give it to {@link #keep}. */
  public record Stamp(long epoch, long startedNanos) {}

  /** The stamp of a reader while copies are not to be kept. */
  private static final Stamp UNTRUSTED = new Stamp(-1, 0);

  private record Kept<V>(V value, long epoch) {}

  private final long maximum;
  private final Optional<Duration> timeToLive;
  private final Ticker ticker;
  private final Cache<K, Kept<V>> copies;

  /**
   * The epoch of the last drop of each key, remembered twice as long as a copy lives: any copy
   * stamped before such a drop is gone by the time the drop is forgotten ({@link #keep} keeps no
   * copy whose read took longer than a time to live).
   */
  private final Cache<K, Long> droppedAt;

  private final AtomicLong epoch = new AtomicLong();
  private final AtomicLong everyKeyDroppedAt = new AtomicLong();
  private volatile boolean trusted;

  /** At most {@code maximum} copies, the least useful dropped first; none at all when 0. */
  public KeptCopies(long maximum) {
    this(maximum, Optional.empty(), Ticker.systemTicker());
  }

  /** As above, each copy for at most {@code timeToLive}; keys may be dropped one at a time. */
  public KeptCopies(long maximum, Duration timeToLive) {
    this(maximum, Optional.of(timeToLive), Ticker.systemTicker());
  }

  KeptCopies(long maximum, Optional<Duration> timeToLive, Ticker ticker) {
    this.maximum = maximum;
    this.timeToLive = timeToLive;
    this.ticker = ticker;
    Caffeine<Object, Object> copies = Caffeine.newBuilder().maximumSize(maximum).ticker(ticker);
    timeToLive.ifPresent(copies::expireAfterWrite);
    this.copies = copies.build();
    this.droppedAt =
        timeToLive
            .map(
                ttl ->
                    Caffeine.newBuilder()
                        .expireAfterWrite(ttl.multipliedBy(2))
                        .ticker(ticker)
                        .<K, Long>build())
            .orElse(null);
  }

  /** Where the copies stand before a read whose rows may be kept: give it to {@link #keep}. */
  public Stamp stamp() {
    return trusted ? new Stamp(epoch.get(), ticker.read()) : UNTRUSTED;
  }

  /** The copies of these keys that are still current; none while not trusted. */
  public Map<K, V> getAll(Collection<K> keys) {
    Map<K, V> found = new HashMap<>();
    if (!trusted) {
      return found;
    }
    for (K key : keys) {
      Kept<V> kept = copies.getIfPresent(key);
      if (kept != null && !droppedSince(key, kept.epoch())) {
        found.put(key, kept.value());
      }
    }
    return found;
  }

  /** Keeps a copy read since {@code stamp}, unless its key was dropped meanwhile. */
  public void keep(K key, V value, Stamp stamp) {
    if (maximum == 0 || stamp == UNTRUSTED || !trusted || droppedSince(key, stamp.epoch())) {
      return;
    }
    if (timeToLive.isPresent()
        && ticker.read() - stamp.startedNanos() > timeToLive.get().toNanos()) {
      // A drop during so slow a read could be forgotten before this copy ends.
      return;
    }
    // A drop between the test and the put leaves this copy with an earlier epoch: not used.
    copies.put(key, new Kept<>(value, stamp.epoch()));
  }

  /** Something every copy may show changed. */
  public void drop() {
    everyKeyDroppedAt.accumulateAndGet(epoch.incrementAndGet(), Math::max);
    copies.invalidateAll();
  }

  /** Something the copy of {@code key} shows changed; every copy, without a time to live. */
  public void drop(K key) {
    if (maximum == 0) {
      return; // nothing is ever kept
    }
    if (droppedAt == null) {
      drop();
      return;
    }
    droppedAt.asMap().merge(key, epoch.incrementAndGet(), Math::max);
    copies.invalidate(key);
  }

  /**
   * The listener is (again) proven alive, or not: either way what is kept may have missed writes.
   */
  public void trust(boolean listening) {
    trusted = listening;
    drop();
  }

  /** Whether {@code key}, or every key, was dropped after a read stamped {@code since} began. */
  private boolean droppedSince(K key, long since) {
    if (everyKeyDroppedAt.get() > since) {
      return true;
    }
    Long dropped = droppedAt == null ? null : droppedAt.getIfPresent(key);
    return dropped != null && dropped > since;
  }
}
