package io.pressroom.db;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Runs a read on the session's own connection through Hibernate's statement preparer (so the
 * statement is logged, counted in the statistics and released like any other) but reads the result
 * set itself: Hibernate's native query machinery (parsing the SQL, resolving a result mapping,
 * building a tuple per row) cost as much application CPU as the rest of a cache-missed listing.
 */
final class DirectRead {

  private DirectRead() {}

  static List<Row> rows(EntityManager entityManager, String sql, Map<String, Object> parameters) {
    return rows(entityManager, sql, parameters, Set.of());
  }

  /**
   * The rows, with the text columns named in {@code byteColumns} read as the UTF-8 bytes PostgreSQL
   * sent ({@link Row#bytes}): pgjdbc's {@code getBytes} on a text column hands over its raw value
   * (text transfer, the connection's client encoding is always UTF8), where {@code getString}
   * decodes it into a String that a writer of bytes would only encode again.
   */
  static List<Row> rows(
      EntityManager entityManager,
      String sql,
      Map<String, Object> parameters,
      Set<String> byteColumns) {
    SharedSessionContractImplementor session =
        entityManager.unwrap(SharedSessionContractImplementor.class);
    // What a native query does first: pending changes of this transaction must be visible.
    if (session.isTransactionInProgress()
        && session.getPersistenceContextInternal().getNumberOfManagedEntities() > 0) {
      session.flush();
    }
    List<Object> values = new ArrayList<>();
    String jdbcSql = positional(sql, parameters, values);
    JdbcCoordinator jdbc = session.getJdbcCoordinator();
    PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(jdbcSql);
    try {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, jdbcValue(values.get(i)));
      }
      ResultSet resultSet = jdbc.getResultSetReturn().extract(statement, jdbcSql);
      try {
        return read(resultSet, byteColumns);
      } finally {
        jdbc.getLogicalConnection().getResourceRegistry().release(resultSet, statement);
      }
    } catch (SQLException e) {
      throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "read failed", jdbcSql);
    } finally {
      jdbc.getLogicalConnection().getResourceRegistry().release(statement);
      jdbc.afterStatementExecution();
      // As a native query does: outside a transaction the connection goes back to the pool now,
      // not when the request ends (a feed would otherwise hold it while it writes 50 bodies).
      session.afterOperation(true);
    }
  }

  private static List<Row> read(ResultSet resultSet, Set<String> byteColumns) throws SQLException {
    ResultSetMetaData meta = resultSet.getMetaData();
    int count = meta.getColumnCount();
    Map<String, Integer> columns = new HashMap<>(count * 2);
    boolean[] asBytes = new boolean[count];
    for (int i = 0; i < count; i++) {
      String label = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
      columns.put(label, i);
      asBytes[i] = byteColumns.contains(label);
    }
    List<Row> rows = new ArrayList<>();
    while (resultSet.next()) {
      Object[] values = new Object[count];
      for (int i = 0; i < count; i++) {
        values[i] = asBytes[i] ? resultSet.getBytes(i + 1) : resultSet.getObject(i + 1);
      }
      rows.add(new Row(columns, values));
    }
    return rows;
  }

  /**
   * Statements already parsed, by their text: the few shapes of the hot reads come back on every
   * request, and scanning a listing's two thousand characters one at a time was a sixth of a
   * cache-missed listing's CPU (JFR). Bounded, since offsets are written into some statements.
   */
  private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

  private static final int MAX_PARSED = 1024;

  /**
   * The statement with its {@code :name} parameters as JDBC's {@code ?}, their values in order into
   * {@code values}; a collection becomes one {@code ?} per element, as Hibernate expands it. Quoted
   * text, quoted names and {@code ::} casts are left as they are.
   */
  static String positional(String sql, Map<String, Object> parameters, List<Object> values) {
    Parsed parsed = PARSED.get(sql);
    if (parsed == null) {
      parsed = Parsed.of(sql);
      if (PARSED.size() < MAX_PARSED) {
        PARSED.put(sql, parsed);
      }
    }
    return parsed.bind(parameters, values);
  }

  /**
   * A statement cut at its parameters: {@code pieces} of SQL around {@code names} (one piece more
   * than names), and the text with one {@code ?} per name.
   */
  private record Parsed(String[] pieces, String[] names, String marked) {

    static Parsed of(String sql) {
      List<String> pieces = new ArrayList<>();
      List<String> names = new ArrayList<>();
      StringBuilder piece = new StringBuilder();
      StringBuilder marked = new StringBuilder(sql.length());
      int i = 0;
      while (i < sql.length()) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
          int end = sql.indexOf(c, i + 1);
          end = end < 0 ? sql.length() : end + 1;
          piece.append(sql, i, end);
          marked.append(sql, i, end);
          i = end;
        } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
          piece.append("::");
          marked.append("::");
          i += 2;
        } else if (c == ':'
            && i + 1 < sql.length()
            && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
          int end = i + 1;
          while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
            end++;
          }
          names.add(sql.substring(i + 1, end));
          pieces.add(piece.toString());
          piece.setLength(0);
          marked.append('?');
          i = end;
        } else {
          piece.append(c);
          marked.append(c);
          i++;
        }
      }
      pieces.add(piece.toString());
      return new Parsed(
          pieces.toArray(String[]::new), names.toArray(String[]::new), marked.toString());
    }

    String bind(Map<String, Object> parameters, List<Object> values) {
      boolean expanded = false;
      for (String name : names) {
        if (!parameters.containsKey(name)) {
          throw new IllegalArgumentException("No value bound for :" + name);
        }
        Object value = parameters.get(name);
        if (value instanceof Collection<?> many) {
          if (many.isEmpty()) {
            throw new IllegalArgumentException("Empty collection bound for :" + name);
          }
          values.addAll(many);
          expanded = true;
        } else {
          values.add(value);
        }
      }
      if (!expanded) {
        return marked;
      }
      StringBuilder out = new StringBuilder(marked.length() + 64);
      for (int k = 0; k < names.length; k++) {
        out.append(pieces[k]);
        int count = parameters.get(names[k]) instanceof Collection<?> many ? many.size() : 1;
        for (int m = 0; m < count; m++) {
          out.append(m == 0 ? "?" : ", ?");
        }
      }
      return out.append(pieces[names.length]).toString();
    }
  }

  /** JDBC has no mapping for {@link Instant}: PostgreSQL's driver takes it as a UTC offset time. */
  private static Object jdbcValue(Object value) {
    return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
  }
}
