package io.pressroom.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The SQL of delivering webhooks: fan-out, claims, outcomes, server-side disabling and pruning.
 * Plain JDBC on its own connections and short transactions, off the request path: its statements
 * stay out of the request statement counts, and a second dispatcher can run over any data source
 * (tests).
 */
final class DeliveryQueries {

  /**
   * A subscription disabled by the server, and how many of its pending deliveries failed with it.
   */
  record Disabled(long subscriptionId, String reason) {}

  private final DataSource dataSource;

  DeliveryQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Fans out up to {@code limit} due events to the enabled subscriptions that want them (one
   * delivery each) and marks them fanned out, in one statement; events another instance is fanning
   * out are skipped. Answers how many events were fanned out.
   */
  int fanOut(int limit) {
    return transaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  """
                  with due as (
                    select id, type, author_id, tag_ids, subscription_id from webhook_events
                    where fanned_out_at is null and deliverable_at <= now()
                    order by deliverable_at, id limit ? for update skip locked),
                  made as (
                    insert into webhook_deliveries (event_id, subscription_id)
                    select e.id, s.id from due e join webhook_subscriptions s on s.enabled and (
                      case when e.subscription_id is not null then s.id = e.subscription_id
                      else e.type = any(s.events) and (e.type like 'tag.%' or (
                        (s.tag_ids is null or s.tag_ids && e.tag_ids)
                        and (s.author_ids is null or e.author_id = any(s.author_ids))))
                      end)
                    on conflict (event_id, subscription_id) do nothing
                    returning 1)
                  update webhook_events w set fanned_out_at = now()
                  from due where w.id = due.id
                  """)) {
            statement.setInt(1, limit);
            return statement.executeUpdate();
          }
        });
  }

  /**
   * Claims up to {@code limit} due deliveries of enabled subscriptions: locked with SKIP LOCKED so
   * that two instances never take the same one, and leased by pushing {@code next_attempt_at}
   * {@code lease} ahead, committed before anything is sent. A claim whose sender dies runs out with
   * its lease and the delivery is due again.
   */
  List<Claimed> claim(int limit, Duration lease) {
    return transaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  """
                  with due as (
                    select d.id from webhook_deliveries d
                    join webhook_subscriptions s on s.id = d.subscription_id
                    where d.state = 'pending' and d.next_attempt_at <= now() and s.enabled
                    order by d.next_attempt_at, d.id limit ?
                    for update of d skip locked)
                  update webhook_deliveries d
                  set next_attempt_at = now() + make_interval(secs => ?)
                  from due, webhook_events e, webhook_subscriptions s
                  where d.id = due.id and e.id = d.event_id and s.id = d.subscription_id
                  returning d.id as delivery_id, d.event_id, d.subscription_id, d.attempts,
                    d.created_at, d.next_attempt_at as lease, e.message_id, e.type, e.payload,
                    s.url, s.secret, case when s.previous_secret_expires_at > now()
                      then s.previous_secret end as previous_secret
                  """)) {
            statement.setInt(1, limit);
            statement.setDouble(2, lease.toMillis() / 1000.0);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                claimed.add(
                    new Claimed(
                        rows.getLong("delivery_id"),
                        rows.getLong("event_id"),
                        rows.getLong("subscription_id"),
                        rows.getInt("attempts"),
                        rows.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rows.getObject("lease", OffsetDateTime.class),
                        rows.getString("message_id"),
                        rows.getString("type"),
                        rows.getString("payload"),
                        rows.getString("url"),
                        rows.getString("secret"),
                        rows.getString("previous_secret")));
              }
            }
            return claimed;
          }
        });
  }

  /** What became of a delivery after an attempt was recorded. */
  enum Result {
    DELIVERED,
    RETRYING,
    FAILED,
    /** The claim had run out and another instance took the delivery: only the attempt is logged. */
    LEASE_LOST
  }

  /**
   * Records an attempt and the delivery's new state in one transaction: delivered, due again at
   * {@code retryAt}, or failed (no {@code retryAt}). A 410 disables the subscription ({@code
   * gone}); a delivery abandoned while its subscription had no 2xx since the delivery was made
   * disables it too ({@code failing}). Disabling fails the subscription's pending deliveries.
   */
  Outcome record(Claimed delivery, Attempt attempt, Optional<Instant> retryAt) {
    return transaction(
        connection -> {
          insertAttempt(connection, delivery, attempt);
          Result result;
          if (attempt.delivered()) {
            result =
                update(
                        connection,
                        delivery,
                        attempt,
                        "state = 'delivered', delivered_at = ?",
                        timestamp(attempt.at()))
                    ? Result.DELIVERED
                    : Result.LEASE_LOST;
          } else if (retryAt.isPresent() && !attempt.gone()) {
            result =
                update(
                        connection,
                        delivery,
                        attempt,
                        "next_attempt_at = ?",
                        timestamp(retryAt.get()))
                    ? Result.RETRYING
                    : Result.LEASE_LOST;
          } else {
            result =
                update(connection, delivery, attempt, "state = 'failed'", null)
                    ? Result.FAILED
                    : Result.LEASE_LOST;
          }
          Optional<Disabled> disabled = Optional.empty();
          if (result != Result.LEASE_LOST) {
            if (attempt.gone()) {
              disabled = disable(connection, delivery.subscriptionId(), "gone");
            } else if (result == Result.FAILED && neverAnsweredSince(connection, delivery)) {
              disabled = disable(connection, delivery.subscriptionId(), "failing");
            }
          }
          return new Outcome(result, disabled);
        });
  }

  /** The result of recording an attempt, and the subscription disabled by it, if any. */
  record Outcome(Result result, Optional<Disabled> disabled) {}

  private static void insertAttempt(Connection connection, Claimed delivery, Attempt attempt)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "insert into webhook_attempts (delivery_id, subscription_id, event_id, attempted_at,"
                + " status, duration_ms, error, response_excerpt) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setLong(1, delivery.deliveryId());
      statement.setLong(2, delivery.subscriptionId());
      statement.setLong(3, delivery.eventId());
      statement.setObject(4, timestamp(attempt.at()));
      if (attempt.status() == null) {
        statement.setNull(5, Types.INTEGER);
      } else {
        statement.setInt(5, attempt.status());
      }
      statement.setInt(6, (int) Math.min(Integer.MAX_VALUE, attempt.durationMillis()));
      statement.setString(7, attempt.error());
      statement.setString(8, attempt.responseExcerpt());
      statement.executeUpdate();
    }
  }

  /** Applies {@code change} if this instance's lease still holds the delivery. */
  private static boolean update(
      Connection connection, Claimed delivery, Attempt attempt, String change, Object value)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "update webhook_deliveries set attempts = attempts + 1, last_attempt_at = ?,"
                + " last_status = ?, "
                + change
                + " where id = ? and state = 'pending' and next_attempt_at = ?")) {
      int i = 1;
      statement.setObject(i++, timestamp(attempt.at()));
      if (attempt.status() == null) {
        statement.setNull(i++, Types.INTEGER);
      } else {
        statement.setInt(i++, attempt.status());
      }
      if (value != null) {
        statement.setObject(i++, value);
      }
      statement.setLong(i++, delivery.deliveryId());
      statement.setObject(i, delivery.lease());
      return statement.executeUpdate() == 1;
    }
  }

  /** Whether no attempt of the subscription got a 2xx since this delivery was made. */
  private static boolean neverAnsweredSince(Connection connection, Claimed delivery)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select not exists (select 1 from webhook_attempts where subscription_id = ?"
                + " and attempted_at >= ? and status between 200 and 299) as failing")) {
      statement.setLong(1, delivery.subscriptionId());
      statement.setObject(2, timestamp(delivery.createdAt()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getBoolean("failing");
      }
    }
  }

  /**
   * Disables a subscription on the server's own judgement (once: an admin's or an earlier disabling
   * stays as it was) and fails its pending deliveries, so that "redeliver failed since" brings them
   * back once it is enabled again.
   */
  private static Optional<Disabled> disable(
      Connection connection, long subscriptionId, String reason) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "update webhook_subscriptions set enabled = false, disabled_reason = ?,"
                + " disabled_at = now(), updated_at = now() where id = ? and enabled")) {
      statement.setString(1, reason);
      statement.setLong(2, subscriptionId);
      if (statement.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "update webhook_deliveries set state = 'failed'"
                + " where subscription_id = ? and state = 'pending'")) {
      statement.setLong(1, subscriptionId);
      statement.executeUpdate();
    }
    return Optional.of(new Disabled(subscriptionId, reason));
  }

  /**
   * When the oldest piece of work became due and is still waiting: a pending delivery of an enabled
   * subscription or an event not yet fanned out. Empty when nothing is waiting.
   */
  Optional<Instant> oldestDue() {
    return transaction(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      """
                      select least(
                        (select min(d.next_attempt_at) from webhook_deliveries d
                         join webhook_subscriptions s on s.id = d.subscription_id
                         where d.state = 'pending' and d.next_attempt_at <= now() and s.enabled),
                        (select min(deliverable_at) from webhook_events
                         where fanned_out_at is null and deliverable_at <= now())) as oldest
                      """);
              ResultSet rows = statement.executeQuery()) {
            rows.next();
            OffsetDateTime oldest = rows.getObject("oldest", OffsetDateTime.class);
            return Optional.ofNullable(oldest).map(OffsetDateTime::toInstant);
          }
        });
  }

  /**
   * Deletes up to {@code limit} rows that are past keeping: attempts older than {@code retention},
   * then events older than it whose deliveries are all finished (their deliveries go with them),
   * and events fanned out more than an hour ago to nobody. Answers how many rows went, so that the
   * caller can repeat in small batches that never hold many locks.
   */
  int prune(Duration retention, int limit) {
    double seconds = retention.toMillis() / 1000.0;
    int deleted =
        update(
            "delete from webhook_attempts where id in (select id from webhook_attempts"
                + " where attempted_at < now() - make_interval(secs => ?) order by attempted_at"
                + " limit ?)",
            seconds,
            limit);
    deleted +=
        update(
            "delete from webhook_events where id in (select e.id from webhook_events e"
                + " where e.created_at < now() - make_interval(secs => ?)"
                + " and e.fanned_out_at is not null and not exists (select 1 from"
                + " webhook_deliveries d where d.event_id = e.id and d.state = 'pending')"
                + " order by e.created_at limit ?)",
            seconds,
            limit);
    deleted +=
        update(
            "delete from webhook_events where id in (select e.id from webhook_events e"
                + " where e.fanned_out_at < now() - interval '1 hour' and not exists (select 1"
                + " from webhook_deliveries d where d.event_id = e.id) limit ?)",
            limit);
    return deleted;
  }

  private int update(String sql, Object... parameters) {
    return transaction(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
              statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
          }
        });
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Work on one connection in one transaction. */
  interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  private <T> T transaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.on(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Webhook delivery SQL failed: " + e.getMessage(), e);
    }
  }
}
