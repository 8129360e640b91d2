package io.pressroom.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One per-instance copy of a small public table (public tags, public authors), loaded when first
 * needed and dropped when it may be stale: when a write commits here ({@link #drop}), when another
 * instance announces one ({@link OtherInstancesChanged}), and at the instant it was read to hold
 * until (the next scheduled publication). While the invalidation listener is not proven alive it is
 * not used at all: {@link #get} answers empty and the caller reads PostgreSQL, as without it.
 *
 * <p>One load at a time: readers who find no copy while a load is under way wait for it rather than
 * each running the same statement (every publication drops the copy, and the authors' statement
 * takes a quarter of a second at 100,000 articles: a crowd of readers typing would each have run
 * it). A load that a drop overtakes is answered to those who asked before the drop but not kept,
 * and a reader who asks after the drop starts a new one: a generation number tells.
 */
public final class KeptSnapshot<T> {

  /** What a load read, and until when it holds by itself ({@code null}: until a write). */
  public record Loaded<T>(T value, Instant validUntil) {}

  /** The load under way, for the readers of one generation. */
  private record Flight<T>(long generation, CompletableFuture<Loaded<T>> result) {}

  private final AtomicLong generation = new AtomicLong();
  private volatile boolean trusted;
  private volatile Loaded<T> kept;
  private Flight<T> flight;

  /**
   * The kept copy, loaded now if there is none or it expired; empty while not trusted, and to the
   * readers who waited for a load that failed (they read PostgreSQL themselves).
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
    Flight<T> underWay;
    Flight<T> mine;
    synchronized (this) {
      underWay = flight;
      if (underWay != null && underWay.generation() == generation.get()) {
        mine = null;
      } else {
        mine = new Flight<>(generation.get(), new CompletableFuture<>());
        flight = mine;
      }
    }
    return mine == null ? waitFor(underWay) : Optional.of(run(mine, load).value());
  }

  private Loaded<T> run(Flight<T> mine, Supplier<Loaded<T>> load) {
    Loaded<T> loaded;
    try {
      loaded = load.get();
    } catch (RuntimeException | Error e) {
      land(mine);
      mine.result().completeExceptionally(e);
      throw e;
    }
    synchronized (this) {
      if (trusted && generation.get() == mine.generation()) {
        kept = loaded;
      }
    }
    land(mine);
    mine.result().complete(loaded);
    return loaded;
  }

  private synchronized void land(Flight<T> mine) {
    if (flight == mine) {
      flight = null;
    }
  }

  private static <T> Optional<T> waitFor(Flight<T> underWay) {
    try {
      return Optional.of(underWay.result().join().value());
    } catch (CompletionException e) {
      return Optional.empty();
    }
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
