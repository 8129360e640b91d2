package io.pressroom.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pressroom.support.Concurrently;
import io.pressroom.web.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two {@link Limiter} objects stand for two instances: each with its own local state, both on the
 * test database. A client spending through both is held to the configured total, within the
 * tolerance, not to twice it.
 */
@QuarkusTest
class SharedLimitsTest {

  private static final Duration HOUR = Duration.ofHours(1);

  @Inject DataSource dataSource;

  private final List<Limiter> instances = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    instances.forEach(Limiter::close);
  }

  @Test
  void twoInstancesTogetherAdmitTheConfiguredTotalWithinTheTolerance() throws Exception {
    int limit = 200;
    String scope = unique("address");
    Allowance a = instance(false).allowance(Limit.ADDRESS, scope, limit, HOUR);
    Allowance b = instance(false).allowance(Limit.ADDRESS, scope, limit, HOUR);
    assertThat(a.unsynchronised()).isEqualTo(10);

    List<Callable<Integer>> clients = new ArrayList<>();
    for (Allowance instance : List.of(a, b, a, b)) {
      clients.add(() -> admitted(instance, "203.0.113.1", 300));
    }
    int admitted = Concurrently.run(4, clients).stream().mapToInt(Integer::intValue).sum();

    assertThat(admitted).isBetween(limit, limit + limit / 10);
  }

  @Test
  void oneClientAlternatingBetweenInstancesIsHeldToTheTotal() {
    int limit = 300;
    String scope = unique("account");
    Allowance a = instance(false).allowance(Limit.ACCOUNT, scope, limit, HOUR);
    Allowance b = instance(false).allowance(Limit.ACCOUNT, scope, limit, HOUR);
    int admitted = 0;
    for (int i = 0; i < 1000; i++) {
      if ((i % 2 == 0 ? a : b).take("42").allowed()) {
        admitted++;
      }
    }
    assertThat(admitted).isBetween(limit, limit + limit / 10);
  }

  @Test
  void smallLimitsAreExactAcrossInstances() {
    String scope = unique("sign-in");
    Allowance a = instance(false).allowance(Limit.SIGN_IN, scope, 5, HOUR);
    Allowance b = instance(false).allowance(Limit.SIGN_IN, scope, 5, HOUR);
    assertThat(a.unsynchronised()).isZero();
    int admitted = 0;
    for (int i = 0; i < 20; i++) {
      if ((i % 2 == 0 ? a : b).spend("reader@example.com") == 0) {
        admitted++;
      }
    }
    assertThat(admitted).isEqualTo(5);

    // A refusal is remembered where it was given, so that refused guesses cost no database work;
    // a refund on another instance lets that one admit the next attempt.
    b.refund("reader@example.com");
    assertThat(b.spend("reader@example.com")).isZero();
    assertThat(a.spend("reader@example.com")).isPositive();
    assertThat(b.spend("reader@example.com")).isPositive();
  }

  @Test
  void theMemoryStoreCountsOnEachInstanceAloneAndWritesNothing() throws SQLException {
    String scope = unique("address");
    Allowance a = instance(true).allowance(Limit.ADDRESS, scope, 50, HOUR);
    Allowance b = instance(true).allowance(Limit.ADDRESS, scope, 50, HOUR);
    assertThat(admitted(a, "203.0.113.2", 100)).isEqualTo(50);
    assertThat(admitted(b, "203.0.113.2", 100)).isEqualTo(50);
    assertThat(rows(scope + "%")).isZero();
  }

  @Test
  void rejectionsAreCountedByKindOfLimit() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Limiter limiter = new Limiter(settings(false), dataSource, meters);
    instances.add(limiter);
    Allowance reports = limiter.allowance(Limit.REPORT, unique("report"), 2, HOUR);
    admitted(reports, "203.0.113.3", 5);
    assertThat(
            meters.get("pressroom.rate_limit.rejections").tag("limit", "report").counter().count())
        .isEqualTo(3);
    assertThat(
            meters.get("pressroom.rate_limit.rejections").tag("limit", "address").counter().count())
        .isZero();
  }

  @Test
  void bucketsThatAreFullAgainArePruned() throws SQLException {
    String scope = unique("report");
    Limiter limiter = instance(false);
    Allowance reports = limiter.allowance(Limit.REPORT, scope, 2, HOUR);
    reports.spend("203.0.113.4");
    reports.spend("203.0.113.5");
    assertThat(rows(scope + "%")).isEqualTo(2);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement expire =
            connection.prepareStatement(
                "update rate_limit_buckets set expires_at = 0 where id like ?")) {
      expire.setString(1, scope + "%203.0.113.4");
      expire.executeUpdate();
    }
    assertThat(limiter.prune()).isPositive();
    assertThat(rows(scope + "%")).isEqualTo(1);
  }

  @Test
  void withoutTheDatabaseRequestLimitsDecideLocallyAndThrottlesAnswer503() {
    Limiter limiter = new Limiter(settings(false), new Unreachable(), new SimpleMeterRegistry());
    instances.add(limiter);
    Allowance addresses = limiter.allowance(Limit.ADDRESS, unique("address"), 3, HOUR);
    Allowance signIns = limiter.allowance(Limit.SIGN_IN, unique("sign-in"), 5, HOUR);

    assertThat(admitted(addresses, "203.0.113.6", 10)).isEqualTo(3);
    assertThatThrownBy(() -> signIns.spend("reader@example.com"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type().status()).isEqualTo(503);
              assertThat(e.headers()).containsKey("Retry-After");
            });
  }

  private static int admitted(Allowance allowance, String key, int attempts) {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      if (allowance.take(key).allowed()) {
        admitted++;
      }
    }
    return admitted;
  }

  private Limiter instance(boolean memoryOnly) {
    Limiter limiter = new Limiter(settings(memoryOnly), dataSource, new SimpleMeterRegistry());
    instances.add(limiter);
    return limiter;
  }

  private static Limiter.Settings settings(boolean memoryOnly) {
    return new Limiter.Settings(memoryOnly, 0.1, 2, Duration.ofMillis(200));
  }

  private long rows(String idPattern) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "select count(*) from rate_limit_buckets where id like ?")) {
      count.setString(1, idPattern);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static String unique(String kind) {
    return kind + "-" + UUID.randomUUID();
  }

  /** A database that is not there: every connection attempt fails as a lost server does. */
  private static final class Unreachable implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("Connection refused", "08001");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
