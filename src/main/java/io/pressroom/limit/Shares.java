package io.pressroom.limit;

/**
 * The arithmetic of sharing one limit between instances, kept pure so it can be tested alone.
 *
 * <p>Each instance may admit up to {@link #unsynchronised} tokens of a bucket that the shared store
 * has not been told about yet. With at most {@code instances} instances, the tokens admitted beyond
 * the configured figure are therefore at most {@code instances * unsynchronised <= limit *
 * tolerance}. When that share rounds down to zero (small limits: a sign-in throttle of 5) every
 * decision asks the store, and the limit is exact.
 */
final class Shares {

  private Shares() {}

  /** Tokens one instance may admit before the store has counted them: ⌊limit × tolerance / N⌋. */
  static int unsynchronised(int limit, double tolerance, int instances) {
    if (limit <= 0 || tolerance <= 0 || instances <= 0) {
      return 0;
    }
    return (int) Math.floor(limit * tolerance / instances);
  }

  /** The unsynchronised tokens at which a background synchronisation starts: half the share. */
  static int syncThreshold(int unsynchronised) {
    return Math.max(1, (unsynchronised + 1) / 2);
  }

  /** The most tokens {@code instances} instances together may admit beyond {@code limit}. */
  static long worstExcess(int limit, double tolerance, int instances) {
    return (long) instances * unsynchronised(limit, tolerance, instances);
  }

  /**
   * The tokens a bucket holds {@code elapsedNanos} after it held {@code tokens} (possibly fewer
   * than none after forced charges), refilling {@code capacity} tokens evenly over the window.
   */
  static double refilled(double tokens, long elapsedNanos, int capacity, long windowNanos) {
    if (elapsedNanos <= 0) {
      return Math.min(capacity, tokens);
    }
    return Math.min(capacity, tokens + (double) elapsedNanos * capacity / windowNanos);
  }

  /** Whole seconds until a bucket short of one token ({@code tokens} < 1) has one again. */
  static long secondsUntilOne(double tokens, int capacity, long windowSeconds) {
    double missing = 1 - tokens;
    if (missing <= 0) {
      return 0;
    }
    return Math.max(1, (long) Math.ceil(missing * windowSeconds / capacity));
  }

  /** Whole seconds until a bucket with {@code remaining} of {@code limit} tokens is full again. */
  static long secondsUntilFull(long limit, long remaining, long windowSeconds) {
    return ((limit - remaining) * windowSeconds + limit - 1) / limit;
  }
}
