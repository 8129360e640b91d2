package io.pressroom.db;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Plain JDBC on the current transaction's connection for work done in the background (the search
 * index following the changes feed): its statements stay out of Hibernate's statistics, which count
 * the statements of requests. Parameters are positional ({@code ?}); a {@code long[]} is bound as a
 * bigint array (for {@code = any(?)}). Rows are read by column alias as usual.
 */
public final class BackgroundSql {

  private BackgroundSql() {}

  public static List<Row> rows(EntityManager entityManager, String sql, Object... parameters) {
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                  Object value = parameters[i];
                  if (value instanceof long[] longs) {
                    Long[] boxed = new Long[longs.length];
                    for (int j = 0; j < longs.length; j++) {
                      boxed[j] = longs[j];
                    }
                    Array array = connection.createArrayOf("bigint", boxed);
                    statement.setArray(i + 1, array);
                  } else {
                    statement.setObject(i + 1, value);
                  }
                }
                try (ResultSet result = statement.executeQuery()) {
                  return read(result);
                }
              }
            });
  }

  private static List<Row> read(ResultSet result) throws SQLException {
    ResultSetMetaData meta = result.getMetaData();
    List<Row> rows = new ArrayList<>();
    while (result.next()) {
      Map<String, Object> values = new HashMap<>();
      for (int column = 1; column <= meta.getColumnCount(); column++) {
        values.put(meta.getColumnLabel(column), result.getObject(column));
      }
      rows.add(Row.of(values));
    }
    return rows;
  }
}
