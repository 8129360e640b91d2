package io.pressroom.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One per-instance copy of a small public table (public tags, public authors), loaded when first
 * needed and dropped when it may be stale: when a write commits here ({@link #drop}), when another
 * instance announces one ({@link OtherInstancesChanged}), and at the instant it was read to hold
 * until (the next scheduled publication). While the invalidation listener is not proven alive it is
 * not used at all: {@link #get} answers empty and the caller reads PostgreSQL, as without it.
 *
 * <p>One load at a time: while one reader loads the copy, the others who find none read PostgreSQL
 * for what they need (an indexed statement of a millisecond) rather than each running the load
 * (every publication and every follow drops a copy, and loading the authors takes 50 ms at 100,000
 * articles: a crowd of readers typing each ran it, and it slowed them all) or waiting for it.
 *
 * <p>A load that a drop overtakes is answered once but not kept, and a reader after the drop loads
 * anew: a generation number tells.
 *
 * <p>Some changes only make the copy's order a little out of date ({@link #staleWithin}): the copy
 * is then used for a bounded while longer and loaded again after it, once, however many such
 * changes came meanwhile.
 */
public final class KeptSnapshot<T> {

  /** What a load read, and until when it holds by itself ({@code null}: until a write). */
  public record Loaded<T>(T value, Instant validUntil) {

    /** The same load kept in another form (an index of it, say), holding as long. */
    public <U> Loaded<U> map(Function<T, U> form) {
      return new Loaded<>(form.apply(value), validUntil);
    }
  }

  private static final long NONE = -1;

  private final AtomicLong generation = new AtomicLong();
  private volatile boolean trusted;
  private volatile Loaded<T> kept;
  private long loading = NONE;
  private Instant lastStale = Instant.MIN;
  private Duration lastStaleBound = Duration.ZERO;

  /**
   * The kept copy, loaded now if there is none or it expired; empty while not trusted, and while
   * another reader loads it.
   */
  public Optional<T> get(Supplier<Loaded<T>> load) {
    if (!trusted) {
      return Optional.empty();
    }
    Loaded<T> current = kept;
    if (current != null
        && (current.validUntil() == null || Instant.now().isBefore(current.validUntil()))) {
      return Optional.of(current.value());
    }
    long mine;
    Instant started = Instant.now();
    synchronized (this) {
      mine = generation.get();
      if (loading == mine) {
        return Optional.empty();
      }
      loading = mine;
    }
    try {
      Loaded<T> loaded = load.get();
      synchronized (this) {
        if (trusted && generation.get() == mine) {
          // A change that came while it read may have missed it: it holds no longer than the
          // bound counted from the start of the read.
          kept =
              lastStale.isBefore(started)
                  ? loaded
                  : holdingUntil(loaded, started.plus(lastStaleBound));
        }
      }
      return Optional.of(loaded.value());
    } finally {
      synchronized (this) {
        if (loading == mine) {
          loading = NONE;
        }
      }
    }
  }

  /**
   * Something changed that the copy may show a while longer without harm (an order by counts): it
   * is used for at most {@code bound} more, then loaded again.
   */
  public synchronized void staleWithin(Duration bound) {
    Instant now = Instant.now();
    lastStale = now;
    lastStaleBound = bound;
    if (kept != null) {
      kept = holdingUntil(kept, now.plus(bound));
    }
  }

  private static <T> Loaded<T> holdingUntil(Loaded<T> loaded, Instant until) {
    return loaded.validUntil() != null && loaded.validUntil().isBefore(until)
        ? loaded
        : new Loaded<>(loaded.value(), until);
  }

  /** Something the copy shows may have changed. */
  public synchronized void drop() {
    generation.incrementAndGet();
    kept = null;
  }

  /**
   * The listener is (again) proven alive, or not: either way what is kept may have missed writes.
   */
  public synchronized void trust(boolean listening) {
    trusted = listening;
    drop();
  }
}
