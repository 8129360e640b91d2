package io.pressroom.limit;

/**
 * What one request was allowed and what the client has left, in whole tokens and seconds: the
 * RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset headers, and Retry-After when refused.
 */
public record Decision(
    boolean allowed, long limit, long remaining, long resetSeconds, long retryAfter) {

  static Decision allowed(long limit, long remaining, long windowSeconds) {
    long left = Math.max(0, Math.min(limit, remaining));
    return new Decision(true, limit, left, Shares.secondsUntilFull(limit, left, windowSeconds), 0);
  }

  static Decision refused(long limit, long waitSeconds) {
    long wait = Math.max(1, waitSeconds);
    return new Decision(false, limit, 0, wait, wait);
  }
}
