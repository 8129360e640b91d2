package io.pressroom.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One statement on a connection of its own, as another writer or an operator would run it. */
public final class SqlValue {

  private SqlValue() {}

  /** Runs an update (answering its row count) or a query answering one value (null: no row). */
  public static Object of(DataSource dataSource, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      if (!statement.execute()) {
        return statement.getUpdateCount();
      }
      try (ResultSet rows = statement.getResultSet()) {
        return rows.next() ? rows.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
