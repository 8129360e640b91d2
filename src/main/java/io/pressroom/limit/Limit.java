package io.pressroom.limit;

/**
 * The kinds of limit, as named in the metric {@code pressroom_rate_limit_rejections_total{limit}},
 * and what each does while the shared store is unreachable.
 *
 * <p>Request limits fail open onto this instance's own buckets: refusing every request because the
 * counter is away would turn a database outage into a total one for reads that the response cache
 * could still answer, and each instance still holds a client to the configured figure. Throttles of
 * work that needs the database anyway (sign-in, sign-up, reports, look-ups of unknown keys) fail
 * closed with a 503 problem: the request could not succeed, and letting password guesses through
 * uncounted during an outage would lift the guessing bound exactly when nobody watches.
 */
public enum Limit {
  ADDRESS("address", true),
  ACCOUNT("account", true),
  KEY("key", true),
  SIGN_IN("sign-in", false),
  SIGN_UP("sign-up", false),
  REPORT("report", false),
  UNKNOWN_KEY("unknown-key", false);

  private final String label;
  private final boolean failOpen;

  Limit(String label, boolean failOpen) {
    this.label = label;
    this.failOpen = failOpen;
  }

  /** The metric label. */
  public String label() {
    return label;
  }

  /** Whether an outage of the store lets this instance decide alone. */
  public boolean failOpen() {
    return failOpen;
  }
}
