package io.pressroom.webhook;

import io.pressroom.support.SqlValue;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Subscriptions and events written with plain SQL, as the recorder and the API would write them
 * (these tests exercise the sending side only).
 */
final class DeliveryRows {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;

  DeliveryRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  static String secret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  static String messageId() {
    return "msg_" + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
  }

  long subscription(String url, String secret, String... events) {
    return subscription(url, secret, null, null, null, null, events);
  }

  long subscription(
      String url,
      String secret,
      String previousSecret,
      Instant previousExpiresAt,
      Long[] tagIds,
      Long[] authorIds,
      String... events) {
    return insert(
        connection -> {
          PreparedStatement statement =
              connection.prepareStatement(
                  "insert into webhook_subscriptions (url, events, tag_ids, author_ids, secret,"
                      + " previous_secret, previous_secret_expires_at)"
                      + " values (?, ?, ?, ?, ?, ?, ?) returning id");
          statement.setString(1, url);
          statement.setArray(2, connection.createArrayOf("text", events));
          statement.setArray(3, tagIds == null ? null : connection.createArrayOf("bigint", tagIds));
          statement.setArray(
              4, authorIds == null ? null : connection.createArrayOf("bigint", authorIds));
          statement.setString(5, secret);
          statement.setString(6, previousSecret);
          statement.setObject(
              7,
              previousExpiresAt == null
                  ? null
                  : OffsetDateTime.ofInstant(previousExpiresAt, ZoneOffset.UTC));
          return statement;
        });
  }

  /** An event due now; answers its message id. */
  String event(String type) {
    String id = messageId();
    event(id, type, null, new Long[0], null, Instant.now());
    return id;
  }

  long event(
      String messageId,
      String type,
      Long authorId,
      Long[] tagIds,
      Long subscriptionId,
      Instant deliverableAt) {
    return insert(
        connection -> {
          PreparedStatement statement =
              connection.prepareStatement(
                  "insert into webhook_events (message_id, type, occurred_at, deliverable_at,"
                      + " author_id, tag_ids, subscription_id, payload)"
                      + " values (?, ?, now(), ?, ?, ?, ?, ?) returning id");
          statement.setString(1, messageId);
          statement.setString(2, type);
          statement.setObject(3, OffsetDateTime.ofInstant(deliverableAt, ZoneOffset.UTC));
          statement.setObject(4, authorId);
          statement.setArray(5, connection.createArrayOf("bigint", tagIds));
          statement.setObject(6, subscriptionId);
          statement.setString(
              7, "{\"id\":\"" + messageId + "\",\"type\":\"" + type + "\",\"data\":{\"id\":1}}");
          return statement;
        });
  }

  /** Runs an update or a query answering one value. */
  Object value(String sql, Object... parameters) {
    return SqlValue.of(dataSource, sql, parameters);
  }

  interface Statement {
    PreparedStatement prepare(Connection connection) throws SQLException;
  }

  private long insert(Statement insert) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = insert.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
