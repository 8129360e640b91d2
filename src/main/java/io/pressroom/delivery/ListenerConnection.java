package io.pressroom.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The connection an instance listens on: its own, opened with the datasource's URL and credentials,
 * never one of the request pool (it is held for as long as the instance runs). Named {@value
 * #APPLICATION_NAME} in {@code pg_stat_activity}.
 */
final class ListenerConnection implements AutoCloseable {

  static final String APPLICATION_NAME = "pressroom-listener";

  /** Seconds a connect or a read may take before the connection counts as dead. */
  private static final String TIMEOUT_SECONDS = "5";

  private final Connection connection;
  private final PGConnection postgres;

  private ListenerConnection(Connection connection) throws SQLException {
    this.connection = connection;
    this.postgres = connection.unwrap(PGConnection.class);
  }

  /** Opens the connection and listens on {@code channel}; the channel is a fixed identifier. */
  static ListenerConnection listen(String url, String user, String password, String channel)
      throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
    properties.setProperty("socketTimeout", TIMEOUT_SECONDS);
    properties.setProperty("tcpKeepAlive", "true");
    Connection connection = new Driver().connect(url, properties);
    if (connection == null) {
      throw new SQLException("Not a PostgreSQL URL: " + url);
    }
    try {
      connection.setAutoCommit(true);
      ListenerConnection listener = new ListenerConnection(connection);
      listener.execute("listen " + channel);
      return listener;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * The payloads received, waiting up to {@code timeoutMillis} for the first; an error when the
   * connection is gone.
   */
  List<String> receive(int timeoutMillis) throws SQLException {
    PGNotification[] notifications = postgres.getNotifications(timeoutMillis);
    List<String> payloads = new ArrayList<>();
    if (notifications != null) {
      for (PGNotification notification : notifications) {
        payloads.add(notification.getParameter());
      }
    }
    return payloads;
  }

  /** A round trip: fails when the server or the network is gone. */
  void ping() throws SQLException {
    execute("select 1");
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing a dead connection may fail; it is dropped either way.
    }
  }
}
