package io.pressroom.limit;

import java.util.concurrent.CompletableFuture;

/**
 * This instance's view of one shared bucket: what the store said it held at the last
 * synchronisation, refilled locally since, less the tokens admitted here that the store has not
 * been charged yet. Decisions are taken here without any I/O while those uncharged tokens stay
 * below the instance's share; beyond it the store must be asked first.
 */
final class Share {

  final String id;
  final int capacity;
  final long windowNanos;
  final long windowSeconds;
  final int unsynchronised;

  private double storeTokens;
  private long syncedAt;

  /** Admitted here (less refunds) and not yet sent to the store. */
  private long debt;

  /** Sent to the store by the synchronisation under way. */
  private long inFlight;

  private CompletableFuture<Void> syncing;
  private boolean dirty;

  /**
   * A bucket never seen here starts full: the instance may then admit its share before the first
   * answer of the store, which keeps within the bound and asks nothing on the first request.
   */
  Share(String id, int capacity, long windowNanos, int unsynchronised, long now) {
    this.id = id;
    this.capacity = capacity;
    this.windowNanos = windowNanos;
    this.windowSeconds = Math.max(1, windowNanos / 1_000_000_000L);
    this.unsynchronised = unsynchronised;
    this.storeTokens = capacity;
    this.syncedAt = now;
  }

  /**
   * Decides locally, or returns null when the share is spent and the store must count first. A
   * refusal is local too: the estimate only errs towards fewer tokens (other instances' spending
   * makes the store hold fewer, never more, except for their rare refunds).
   */
  synchronized Decision tryTake(long now) {
    double available = estimate(now);
    if (available < 1) {
      return Decision.refused(capacity, Shares.secondsUntilOne(available, capacity, windowSeconds));
    }
    if (debt + inFlight >= unsynchronised) {
      return null;
    }
    debt++;
    return Decision.allowed(capacity, (long) Math.floor(available - 1), windowSeconds);
  }

  synchronized void refund() {
    debt--;
  }

  /** Whether a background synchronisation should start now: half the share is uncharged. */
  synchronized boolean wantsSync() {
    return syncing == null && debt + inFlight >= Shares.syncThreshold(unsynchronised);
  }

  /** Marks the share as waiting for the periodic flush; true when it was not already waiting. */
  synchronized boolean markDirty() {
    if (dirty || debt == 0) {
      return false;
    }
    dirty = true;
    return true;
  }

  synchronized void clean() {
    dirty = false;
  }

  /**
   * Starts a synchronisation: the tokens to charge, or null when one is under way already ({@link
   * #pending()} is then the one to wait for).
   */
  synchronized Long begin(CompletableFuture<Void> future) {
    if (syncing != null) {
      return null;
    }
    syncing = future;
    inFlight = debt;
    debt = 0;
    return inFlight;
  }

  synchronized CompletableFuture<Void> pending() {
    return syncing;
  }

  /** The store charged the tokens in flight and now holds {@code tokens}. */
  synchronized void synced(long tokens, long now) {
    storeTokens = tokens;
    syncedAt = now;
    inFlight = 0;
    syncing = null;
  }

  /**
   * The store could not be reached: the tokens in flight are forgotten (the outage falls back to
   * local buckets anyway) rather than charged twice later.
   */
  synchronized void failed() {
    inFlight = 0;
    syncing = null;
  }

  synchronized boolean hasDebt() {
    return debt != 0;
  }

  private double estimate(long now) {
    return Shares.refilled(storeTokens, now - syncedAt, capacity, windowNanos) - debt - inFlight;
  }
}
