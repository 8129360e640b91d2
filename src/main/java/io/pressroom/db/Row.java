package io.pressroom.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a native query, read by column alias so that adding a column never shifts another one.
 * Aliases are lower_snake_case, as PostgreSQL reports unquoted names; values are converted whatever
 * Java type the driver chose for them (see {@link Rows}).
 */
public final class Row {

  /** Column alias to position, shared by every row of one result. */
  private final Map<String, Integer> columns;

  private final Object[] values;

  Row(Map<String, Integer> columns, Object[] values) {
    this.columns = columns;
    this.values = values;
  }

  /** The rows of a native query created with {@code createNativeQuery(sql, Tuple.class)}. */
  public static List<Row> list(Query tupleQuery) {
    @SuppressWarnings("unchecked")
    List<Tuple> tuples = tupleQuery.getResultList();
    return tuples.stream().map(Row::of).toList();
  }

  /**
   * The row of a query by key (at most one matches), if there is one. No row limit is added, so
   * that the statement runs exactly as written, locking clause included.
   */
  public static Optional<Row> first(Query tupleQuery) {
    return list(tupleQuery).stream().findFirst();
  }

  /** The row a query that always answers one row (a count, an aggregate) answers. */
  public static Row single(Query tupleQuery) {
    return of((Tuple) tupleQuery.getSingleResult());
  }

  static Row of(Tuple tuple) {
    List<TupleElement<?>> elements = tuple.getElements();
    Map<String, Integer> columns = new HashMap<>(elements.size() * 2);
    Object[] values = new Object[elements.size()];
    for (int i = 0; i < values.length; i++) {
      TupleElement<?> element = elements.get(i);
      columns.put(element.getAlias().toLowerCase(Locale.ROOT), i);
      values[i] = tuple.get(element);
    }
    return new Row(columns, values);
  }

  /** A row from plain values, for tests of code that reads rows. */
  public static Row of(Map<String, Object> values) {
    Map<String, Integer> columns = new HashMap<>();
    Object[] row = new Object[values.size()];
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      row[columns.size()] = entry.getValue();
      columns.put(entry.getKey(), columns.size());
    }
    return new Row(columns, row);
  }

  private Object value(String column) {
    Integer index = columns.get(column);
    if (index == null) {
      throw new IllegalArgumentException(
          "The query selects no column '" + column + "'; it has " + columns.keySet());
    }
    return values[index];
  }

  public boolean isNull(String column) {
    return value(column) == null;
  }

  public long getLong(String column) {
    return Rows.asLong(value(column));
  }

  public Long nullableLong(String column) {
    Object value = value(column);
    return value == null ? null : Rows.asLong(value);
  }

  public int getInt(String column) {
    return Rows.asInt(value(column));
  }

  public Integer nullableInt(String column) {
    Object value = value(column);
    return value == null ? null : Rows.asInt(value);
  }

  public double getDouble(String column) {
    return Rows.asDouble(value(column));
  }

  public Double nullableDouble(String column) {
    Object value = value(column);
    return value == null ? null : Rows.asDouble(value);
  }

  public boolean bool(String column) {
    return Rows.asBoolean(value(column));
  }

  public String text(String column) {
    return Rows.text(value(column));
  }

  /**
   * A text column as UTF-8 bytes: as PostgreSQL sent them when the read asked for the column as
   * bytes ({@link SqlBuilder#read(EntityManager, String...)}), else encoded from its text.
   */
  public byte[] bytes(String column) {
    return Rows.utf8(value(column));
  }

  /** A timestamp as the API shows it: UTC, to the second. */
  public Instant instant(String column) {
    return Rows.instant(value(column));
  }

  /** A timestamp with all its precision (cursor keys). */
  public Instant exactInstant(String column) {
    return Rows.exactInstant(value(column));
  }
}
