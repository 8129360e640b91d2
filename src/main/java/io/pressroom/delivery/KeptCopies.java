package io.pressroom.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-instance copies of public rows by key (the kept summaries of the articles searches show), at
 * most a bounded number, dropped as {@link KeptSnapshot} drops its one copy: when a write commits
 * here ({@link #drop}), when another instance announces one (its owner passes {@link
 * OtherInstancesChanged} to {@link #trust}), and while the invalidation listener is not proven
 * alive nothing is used or kept, so the caller reads PostgreSQL as without them.
 *
 * <p>A reader takes a {@link #stamp} before it reads the rows it will {@link #keep}: a copy read
 * while a drop happened is not kept, so a slow reader never puts back what a writer just replaced.
 * Drops come after the commit they announce (here when it succeeded, from other instances when
 * PostgreSQL delivers the notification), so a read that starts after a drop sees the write.
 */
public final class KeptCopies<K, V> {

  /** The stamp of a reader while copies are not to be kept. */
  private static final long UNTRUSTED = -1;

  private record Kept<V>(V value, long generation) {}

  private final long maximum;
  private final Cache<K, Kept<V>> copies;
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean trusted;

  /** At most {@code maximum} copies, the least useful dropped first; none at all when 0. */
  public KeptCopies(long maximum) {
    this.maximum = maximum;
    this.copies = Caffeine.newBuilder().maximumSize(maximum).build();
  }

  /** Where the copies stand before a read whose rows may be kept: give it to {@link #keep}. */
  public long stamp() {
    return trusted ? generation.get() : UNTRUSTED;
  }

  /** The copies of these keys that are still current; none while not trusted. */
  public Map<K, V> getAll(Collection<K> keys) {
    Map<K, V> found = new HashMap<>();
    if (!trusted) {
      return found;
    }
    long current = generation.get();
    for (K key : keys) {
      Kept<V> kept = copies.getIfPresent(key);
      if (kept != null && kept.generation() == current) {
        found.put(key, kept.value());
      }
    }
    return found;
  }

  /** Keeps a copy read since {@code stamp}, unless something was dropped meanwhile. */
  public void keep(K key, V value, long stamp) {
    if (maximum > 0 && stamp != UNTRUSTED && trusted && stamp == generation.get()) {
      // A drop between the test and the put leaves this copy with the old generation: not used.
      copies.put(key, new Kept<>(value, stamp));
    }
  }

  /** Something the copies show may have changed. */
  public void drop() {
    generation.incrementAndGet();
    copies.invalidateAll();
  }

  /**
   * The listener is (again) proven alive, or not: either way what is kept may have missed writes.
   */
  public void trust(boolean listening) {
    trusted = listening;
    drop();
  }
}
