package io.pressroom.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Statements on a connection a test holds open, as another writer's transaction would run them. */
public final class Backends {

  private Backends() {}

  /** The connection's server process, as {@code pg_stat_activity} and its lock waits name it. */
  public static int pid(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  /** Runs one statement in the connection's open transaction. */
  public static void run(Connection connection, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.execute();
    }
  }
}
