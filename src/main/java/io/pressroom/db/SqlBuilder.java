package io.pressroom.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Assembles a native query from optional clauses while keeping every value a bound parameter. */
public final class SqlBuilder {

  private final StringBuilder sql = new StringBuilder();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  public SqlBuilder append(String fragment) {
    sql.append(fragment);
    return this;
  }

  public SqlBuilder append(String fragment, String name, Object value) {
    sql.append(fragment);
    parameters.put(name, value);
    return this;
  }

  public SqlBuilder bind(String name, Object value) {
    parameters.put(name, value);
    return this;
  }

  public SqlBuilder appendAll(SqlBuilder other) {
    sql.append(other.sql);
    parameters.putAll(other.parameters);
    return this;
  }

  /** The query with its parameters bound, answering rows read by column alias ({@link Row}). */
  private Query toRowQuery(EntityManager entityManager) {
    Query query = entityManager.createNativeQuery(sql.toString(), Tuple.class);
    parameters.forEach(query::setParameter);
    return query;
  }

  public List<Row> rows(EntityManager entityManager) {
    return Row.list(toRowQuery(entityManager));
  }

  /**
   * The rows of a read, run on the session's connection without Hibernate's native query machinery
   * ({@link DirectRead}): for the hot read paths, where that machinery was a large share of a
   * request's CPU. Same rows, same statement count, same flush of pending changes first.
   */
  public List<Row> read(EntityManager entityManager) {
    return DirectRead.rows(entityManager, sql.toString(), parameters);
  }

  /**
   * As {@link #read(EntityManager)}, with the named text columns read as the UTF-8 bytes PostgreSQL
   * sent ({@link Row#bytes}), for JSON that is passed through without being decoded.
   */
  public List<Row> read(EntityManager entityManager, String... byteColumns) {
    return DirectRead.rows(entityManager, sql.toString(), parameters, Set.of(byteColumns));
  }

  /**
   * The rows a writing statement returns ({@code returning}, or a {@code with} of data-modifying
   * statements ending in a select), run as {@link #read(EntityManager)} runs a read: for the hot
   * writes (likes, comments), where Hibernate's native query machinery cost more application CPU
   * than the statement itself.
   */
  public List<Row> write(EntityManager entityManager) {
    return DirectRead.rows(entityManager, sql.toString(), parameters);
  }

  /** The row of a query by key, if there is one ({@link Row#first}). */
  public Optional<Row> first(EntityManager entityManager) {
    return Row.first(toRowQuery(entityManager));
  }

  public Row single(EntityManager entityManager) {
    return Row.single(toRowQuery(entityManager));
  }

  /** Runs an insert, update or delete without {@code returning}; how many rows it changed. */
  public int execute(EntityManager entityManager) {
    Query query = entityManager.createNativeQuery(sql.toString());
    parameters.forEach(query::setParameter);
    return query.executeUpdate();
  }

  @Override
  public String toString() {
    return sql.toString();
  }
}
