package io.pressroom.limit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * The shared buckets, in table {@code rate_limit_buckets} through Bucket4j's PostgreSQL backend.
 *
 * <p>It locks rows with SELECT ... FOR UPDATE rather than advisory locks: the lock is the row's
 * own, released by the commit, held only by the instance charging that bucket, and needs no mapping
 * of text keys to the 64-bit numbers advisory locks take. Each call is its own short transaction on
 * a pooled connection, outside any transaction of the caller (a sign-in's transaction must not hold
 * a bucket's row lock while bcrypt runs, nor roll a spent token back). Rows record when their
 * bucket will be full again ({@code expires_at}, epoch milliseconds); {@link #prune} deletes those,
 * since a missing row is a full bucket.
 */
final class BucketStore {

  static final String TABLE = "rate_limit_buckets";
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final int PRUNE_BATCH = 1000;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

  BucketStore(DataSource dataSource) {
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table(TABLE)
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            // No caller waits long for a bucket's row lock or a slow database: past this, the
            // store counts as failed and the limiter falls back as during an outage.
            .requestTimeout(REQUEST_TIMEOUT)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
  }

  /** Takes one token if there is one (exact limits). */
  ConsumptionProbe take(String id, BucketConfiguration configuration) {
    return outsideTransaction(() -> bucket(id, configuration).tryConsumeAndReturnRemaining(1));
  }

  /**
   * Charges {@code tokens} admitted locally (a negative number gives tokens back) and returns what
   * the bucket holds afterwards, possibly less than nothing: the charge is forced, because those
   * requests were already let through, and the debt then delays everybody's next token so that the
   * long-run rate stays the configured one.
   */
  long charge(String id, BucketConfiguration configuration, long tokens) {
    return outsideTransaction(
        () -> {
          BucketProxy bucket = bucket(id, configuration);
          if (tokens > 0) {
            return bucket
                .asVerbose()
                .consumeIgnoringRateLimits(tokens)
                .getDiagnostics()
                .getAvailableTokens();
          }
          if (tokens < 0) {
            return bucket.asVerbose().addTokens(-tokens).getDiagnostics().getAvailableTokens();
          }
          return bucket.getAvailableTokens();
        });
  }

  void refund(String id, BucketConfiguration configuration) {
    outsideTransaction(
        () -> {
          bucket(id, configuration).addTokens(1);
          return null;
        });
  }

  /** Deletes the rows of buckets that are full again; safe on every instance at once. */
  int prune() {
    int total = 0;
    int removed;
    do {
      removed = outsideTransaction(() -> buckets.removeExpired(PRUNE_BATCH));
      total += removed;
    } while (removed == PRUNE_BATCH);
    return total;
  }

  private BucketProxy bucket(String id, BucketConfiguration configuration) {
    return buckets.builder().build(id, () -> configuration);
  }

  private static <T> T outsideTransaction(Callable<T> work) {
    return QuarkusTransaction.suspendingExisting().call(work);
  }
}
